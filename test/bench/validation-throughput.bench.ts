import { VERSION_DETAILS, assetListResponseSchema, buildAssetListQuery } from '../../src/index.js';
import { type Figure, ms, roundsSpread } from './support/figure.js';
import { type RoundPlan, compare } from './support/measure.js';
import type { ServerProcess } from './support/server-process.js';

const PLAN: RoundPlan = { warmup: 30, rounds: 21, batch: 10 };

/**
 * Validating a parsed 500-asset page with the response schema, against `JSON.parse` of the
 * same page's text. Both run in memory: no request is timed.
 */
export async function measureValidation(server: ServerProcess): Promise<Figure> {
  const text = await pageText(server);
  const parsed: unknown = JSON.parse(text);

  const result = await compare(
    () => JSON.parse(text),
    () => assetListResponseSchema.parse(parsed),
    PLAN,
  );

  return {
    measure: 'validation of one 500-asset page (`assetListResponseSchema.parse`)',
    baseline: '`JSON.parse` of the same page',
    ratio: result.ratio,
    target: { kind: 'report' },
    detail: `${ms(result.subjectMs)} vs ${ms(result.baselineMs)} per page; ${roundsSpread(result.spread)}`,
  };
}

async function pageText(server: ServerProcess): Promise<string> {
  const url = new URL('asset.list.json', server.baseUrl);
  url.searchParams.set('api_token', server.token);
  const query = buildAssetListQuery({ details: VERSION_DETAILS, itemsPerPage: 500 });
  for (const [name, value] of query) url.searchParams.append(name, value);
  return (await fetch(url)).text();
}
