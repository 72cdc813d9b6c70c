import ky from 'ky';

import { CincopaClient } from '../../src/index.js';
import { type Figure, ms, roundsSpread } from './support/figure.js';
import { type RoundPlan, compare } from './support/measure.js';
import { rawFetchJson, recordedUrl } from './support/recorded-url.js';
import type { ServerProcess } from './support/server-process.js';

const PLAN: RoundPlan = { warmup: 200, rounds: 21, batch: 40 };

/** `getAssetVersions(rid)` against `fetch` + `JSON.parse` of the same response. */
export async function measureOneAsset(server: ServerProcess, rid: string): Promise<Figure> {
  const client = new CincopaClient({ apiToken: server.token, baseUrl: server.baseUrl });
  const url = await recordedUrl(server, (recording) => recording.getAssetVersions(rid));

  const result = await compare(
    () => rawFetchJson(url),
    () => client.getAssetVersions(rid),
    PLAN,
  );
  // What ky costs alone, with no retries, no time limit and nothing validated: the part of
  // the SDK's figure that no change inside the SDK can remove while HTTP goes through ky.
  const kyAlone = await compare(
    () => rawFetchJson(url),
    () => ky.get(url, { retry: 0, timeout: false }).json(),
    PLAN,
  );

  return {
    measure: '`getAssetVersions(rid)`, one asset',
    baseline: 'raw `fetch` + `JSON.parse` of the same response',
    ratio: result.ratio,
    target: { kind: 'at-most', ratio: 1.1 },
    detail: `${ms(result.subjectMs)} vs ${ms(result.baselineMs)} per call; ${roundsSpread(result.spread)}; \`ky.get(url).json()\` alone: ${kyAlone.ratio.toFixed(2)}×`,
  };
}
