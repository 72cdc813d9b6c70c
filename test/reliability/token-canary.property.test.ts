import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CincopaClient, CincopaError } from '../../src/index.js';
import { type CanaryFailure, assetEchoing, canaryFailures } from '../support/canary-failures.js';
import { exposedTexts, findCanary } from '../support/canary-spellings.js';
import { jsonReply, scriptedFetch } from '../support/scripted-fetch.js';
import { canaryToken } from '../support/canary-token.js';

const RUNS = 1_000;

type Call = 'get' | 'audit' | 'ping';

/** Page 1 of a listing: two assets that echo the token. */
function firstPage(token: string) {
  const items = [assetEchoing(`${token.trim()}-1`, token.trim()), assetEchoing('R1', token.trim())];
  return jsonReply({
    success: true,
    items,
    items_data: { page: 1, items_per_page: 2, items_count: 4, pages_count: 2 },
  });
}

/** Ends `call` as `failure` describes, with `token`; returns its error and hook payloads. */
async function failWith(token: string, failure: CanaryFailure, call: Call = 'get') {
  const controller = new AbortController();
  const payloads: unknown[] = [];
  const script = scriptedFetch((request, attempt) => {
    const page = new URL(request.url).searchParams.get('page');
    if (call === 'audit' && page === '1') return firstPage(token);
    if (failure.abort === 'during-request') controller.abort();
    return failure.reply(request, attempt);
  });
  const client = new CincopaClient({
    apiToken: token,
    fetch: script.fetch,
    retry: { limit: 1, baseDelay: 0, maxDelay: 1 },
    hooks: {
      onRequest: (event) => payloads.push(event),
      onResponse: (event) => payloads.push(event),
      onRetry: (event) => {
        payloads.push(event);
        if (failure.abort === 'during-backoff') setTimeout(() => controller.abort(), 0);
      },
    },
    ...failure.options,
  });

  const error: unknown = await makeCall(client, call, controller.signal).then(
    () => undefined,
    (reason: unknown) => reason,
  );

  return { error, payloads, requests: script.requests.length };
}

async function makeCall(client: CincopaClient, call: Call, signal: AbortSignal): Promise<unknown> {
  if (call === 'get') return client.getAssetVersions('ASSET_RID', { signal });
  if (call === 'ping') return client.ping({ signal });
  const records = [];
  for await (const record of client.auditVersions({ itemsPerPage: 2 }, { signal })) {
    records.push(record);
  }
  return records;
}

describe('the token canary, for random tokens', () => {
  // Frames name files and functions, never data, and the scan ignores them; capturing and
  // source-mapping them was a third of this test's time. Each stack keeps its first line.
  const stackTraceLimit = Error.stackTraceLimit;
  beforeAll(() => {
    Error.stackTraceLimit = 0;
  });
  afterAll(() => {
    Error.stackTraceLimit = stackTraceLimit;
  });

  it(`leaks no token through any failure path (${RUNS} tokens × ${canaryFailures.length} paths)`, async () => {
    await fc.assert(
      fc.asyncProperty(canaryToken(), async (token) => {
        const leaks: string[] = [];
        const crashes: string[] = [];
        const outcomes = await Promise.all(
          canaryFailures.map((failure) => failWith(token, failure)),
        );

        outcomes.forEach(({ error, payloads, requests }, index) => {
          const failure = canaryFailures[index]!;
          if (!(error instanceof CincopaError) || error.code !== failure.code) {
            crashes.push(`${failure.name}: ${String(error)}`);
          }
          const texts = exposedTexts(error, payloads);
          leaks.push(...findCanary(token, texts).map((leak) => `${failure.name}: ${leak}`));
          expect(requests).toBeGreaterThan(0);
          expect(payloads.length).toBeGreaterThan(0);
        });
        expect(crashes).toEqual([]);
        expect(leaks.slice(0, 3)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it(`leaks no token when an audit's second page or a ping fails (100 tokens × ${canaryFailures.length} paths × 2 calls)`, async () => {
    await fc.assert(
      fc.asyncProperty(canaryToken(), async (token) => {
        const calls = canaryFailures.flatMap((failure) =>
          (['audit', 'ping'] as const).map((call) => ({ failure, call })),
        );

        const outcomes = await Promise.all(
          calls.map(({ failure, call }) => failWith(token, failure, call)),
        );

        const leaks = outcomes.flatMap(({ error, payloads }, index) => {
          const { failure, call } = calls[index]!;
          if (error !== undefined) expect(error).toBeInstanceOf(CincopaError);
          return findCanary(token, exposedTexts(error, payloads)).map(
            (leak) => `${call}, ${failure.name}: ${leak}`,
          );
        });
        expect(leaks.slice(0, 3)).toEqual([]);
      }),
      { numRuns: 100 },
    );
  });
});
