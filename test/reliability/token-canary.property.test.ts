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

  /** Fails unless the call ended as `failure` says, with no spelling of `token` exposed. */
  function expectNoLeak(
    token: string,
    failure: CanaryFailure,
    call: Call,
    outcome: Awaited<ReturnType<typeof failWith>>,
  ) {
    const { error, payloads, requests } = outcome;
    if (call === 'get') expect(error).toMatchObject({ code: failure.code });
    if (error !== undefined) expect(error).toBeInstanceOf(CincopaError);
    expect(requests).toBeGreaterThan(0);
    expect(payloads.length).toBeGreaterThan(0);
    const leaks = findCanary(token, exposedTexts(error, payloads));
    expect(leaks.slice(0, 3), `${call}, ${failure.name}`).toEqual([]);
  }

  it(`leaks no token through any failure path of any call (${RUNS} runs)`, async () => {
    const driven = new Set<string>();

    await fc.assert(
      fc.asyncProperty(
        canaryToken(),
        fc.constantFrom(...canaryFailures),
        fc.constantFrom<Call>('get', 'get', 'get', 'audit', 'ping'),
        async (token, failure, call) => {
          const outcome = await failWith(token, failure, call);

          expectNoLeak(token, failure, call, outcome);
          driven.add(`${call}: ${failure.name}`);
        },
      ),
      { numRuns: RUNS },
    );

    for (const failure of canaryFailures) expect(driven).toContain(`get: ${failure.name}`);
  });

  it(`leaks no token through every failure path for one token (50 runs × ${canaryFailures.length} paths)`, async () => {
    await fc.assert(
      fc.asyncProperty(canaryToken(), async (token) => {
        const outcomes = await Promise.all(
          canaryFailures.map((failure) => failWith(token, failure)),
        );

        outcomes.forEach((outcome, index) => {
          expectNoLeak(token, canaryFailures[index]!, 'get', outcome);
        });
      }),
      { numRuns: 50 },
    );
  });
});
