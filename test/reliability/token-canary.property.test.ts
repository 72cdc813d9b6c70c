import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CincopaClient, CincopaError } from '../../src/index.js';
import { type CanaryFailure, canaryFailures } from '../support/canary-failures.js';
import { exposedTexts, findCanary } from '../support/canary-spellings.js';
import { scriptedFetch } from '../support/scripted-fetch.js';
import { canaryToken } from '../support/canary-token.js';

const RUNS = 1_000;

/** Makes the call `failure` describes with `token`; returns its error and hook payloads. */
async function failWith(token: string, failure: CanaryFailure) {
  const controller = new AbortController();
  const payloads: unknown[] = [];
  const script = scriptedFetch((request, attempt) => {
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

  const error: unknown = await client
    .getAssetVersions('ASSET_RID', { signal: controller.signal })
    .then(
      () => undefined,
      (reason: unknown) => reason,
    );

  return { error, payloads, requests: script.requests.length };
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
});
