import { CincopaClient, VERSION_DETAILS, extractVersions } from '../../src/index.js';
import { type Figure, ms, roundsSpread } from './support/figure.js';
import { type RoundPlan, compare } from './support/measure.js';
import { rawFetchJson, recordedUrl } from './support/recorded-url.js';
import type { ServerProcess } from './support/server-process.js';

const PLAN: RoundPlan = { warmup: 20, rounds: 21, batch: 5 };
const PAGE_SIZE = 500;

/**
 * One 500-asset page with attachment details through the SDK (request, parse, validate,
 * extract every asset's versions) against `fetch` + `JSON.parse` of the same response.
 */
export async function measurePageWithDetails(server: ServerProcess): Promise<Figure> {
  const client = new CincopaClient({ apiToken: server.token, baseUrl: server.baseUrl });
  const request = { details: VERSION_DETAILS, itemsPerPage: PAGE_SIZE };
  const url = await recordedUrl(server, (recording) => recording.listAssetsPage(request));
  const throughSdk = async () => {
    const page = await client.listAssetsPage(request);
    return page.assets.map(extractVersions);
  };

  const result = await compare(() => rawFetchJson(url), throughSdk, PLAN);

  const bytes = (await (await fetch(url)).arrayBuffer()).byteLength;
  return {
    measure: `one ${PAGE_SIZE}-asset page with attachment details (request, parse, validate, extract)`,
    baseline: 'raw `fetch` + `JSON.parse`',
    ratio: result.ratio,
    target: { kind: 'at-most', ratio: 1.25 },
    detail: `${ms(result.subjectMs)} vs ${ms(result.baselineMs)} per page of ${kib(bytes)}; ${roundsSpread(result.spread)}`,
  };
}

function kib(bytes: number): string {
  return `${Math.round(bytes / 1024)} KiB`;
}
