import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CincopaClient, CincopaError, ListingError, RateLimitedError } from '../../src/index.js';
import { generateAccount, startFakeCincopa } from '../../src/testing/index.js';
import { startHostileServer } from '../support/hostile-server.js';
import { jsonReply, scriptedFetch, stallUntilAborted } from '../support/scripted-fetch.js';

// The child imports the built package (dist/), as `npm test` builds it before vitest runs.
const CHILD = fileURLToPath(new URL('../support/calls-then-exit.mjs', import.meta.url));

/** Runs the child script; resolves with its report and when it exited, or kills it. */
function runChild(config: unknown, limitMs: number) {
  return new Promise<{ report: Record<string, unknown>; exitedAt: number; code: number | null }>(
    (resolve, reject) => {
      const child = spawn(process.execPath, [CHILD, JSON.stringify(config)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      child.stderr.on('data', (chunk) => (err += chunk));
      const killer = setTimeout(() => {
        child.kill();
        reject(new Error(`the child did not exit within ${limitMs} ms: ${out} ${err}`));
      }, limitMs);
      child.on('exit', (code) => {
        clearTimeout(killer);
        const exitedAt = Date.now();
        try {
          resolve({ report: JSON.parse(out), exitedAt, code });
        } catch {
          reject(new Error(`the child printed no report (exit ${code}): ${out} ${err}`));
        }
      });
    },
  );
}

type Behaviour = 'stall' | 'stall-in-body' | '503' | '429-now' | '429-in-1s' | 'reset' | 'slow-ok';

/** Answers an attempt as `behaviour` says; every wait ends when the request is aborted. */
function behave(behaviour: Behaviour, request: Request): Response | Promise<Response> {
  switch (behaviour) {
    case 'stall':
      return stallUntilAborted(request);
    case 'stall-in-body':
      return new Response(
        new ReadableStream({ start: (controller) => controller.enqueue(new Uint8Array([123])) }),
      );
    case '503':
      return jsonReply({ success: false }, 503);
    case '429-now':
      return jsonReply({}, 429, { 'retry-after': '0' });
    case '429-in-1s':
      return jsonReply({}, 429, { 'retry-after': '1' });
    case 'reset':
      throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
    case 'slow-ok':
      return Promise.race([
        new Promise<Response>((resolve) => {
          const timer = setTimeout(
            () => resolve(jsonReply({ success: true, items: [{ rid: 'R' }] })),
            500,
          );
          request.signal.addEventListener('abort', () => clearTimeout(timer));
        }),
        stallUntilAborted(request),
      ]);
  }
}

const behaviours = fc.array(
  fc.constantFrom<Behaviour>(
    'stall',
    'stall-in-body',
    '503',
    '429-now',
    '429-in-1s',
    'reset',
    'slow-ok',
  ),
  { minLength: 1, maxLength: 12 },
);

// Timers run late on a loaded machine (by 300 ms has been seen under a parallel test run),
// while every fault below, if a bound were ignored, costs 500 ms to seconds or never ends.
const SLACK_MS = 400;

describe('time bounds', () => {
  it('fails at once with rate_limited and retryAfterMs when Retry-After exceeds maxRetryAfter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 120_000 }),
        fc.integer({ min: 1, max: 10 ** 7 }),
        fc.boolean(),
        async (maxRetryAfter, seconds, asDate) => {
          fc.pre(seconds * 1000 > maxRetryAfter + 1_000);
          const header = asDate
            ? new Date(Date.now() + seconds * 1000).toUTCString()
            : String(seconds);
          const server = scriptedFetch(() => jsonReply({}, 429, { 'retry-after': header }));
          const client = new CincopaClient({
            apiToken: 't',
            fetch: server.fetch,
            retry: { limit: 10, maxRetryAfter },
          });
          const started = Date.now();

          const error = await client.getAssetVersions('R').catch((e: unknown) => e);

          expect(Date.now() - started).toBeLessThan(SLACK_MS);
          expect(error).toBeInstanceOf(RateLimitedError);
          const retryAfterMs = (error as RateLimitedError).retryAfterMs!;
          expect(Math.abs(retryAfterMs - seconds * 1000)).toBeLessThanOrEqual(asDate ? 2_000 : 0);
          expect(server.requests).toHaveLength(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('fails a listing at once, naming the page, when a page asks to wait an hour', async () => {
    const server = await startFakeCincopa({
      assets: generateAccount({ count: 60, seed: 4 }).assets,
      faults: [{ page: 2, fault: { kind: 'status', status: 429, retryAfter: '3600' } }],
    });
    const client = new CincopaClient({ apiToken: server.token, baseUrl: server.baseUrl });
    const started = Date.now();

    try {
      const error = await (async () => {
        for await (const _asset of client.listAssets({ itemsPerPage: 20 })) {
          // drain
        }
      })().catch((e: unknown) => e);

      expect(Date.now() - started).toBeLessThan(1_000);
      expect(error).toBeInstanceOf(ListingError);
      expect(error).toMatchObject({ code: 'rate_limited', page: 2 });
      expect((error as ListingError).cause).toMatchObject({ retryAfterMs: 3_600_000 });
    } finally {
      await server.close();
    }
  });

  it('bounds every call by totalTimeout, whatever the retry settings and the faults', async () => {
    await fc.assert(
      fc.asyncProperty(
        behaviours,
        fc.record({
          timeout: fc.integer({ min: 5, max: 300 }),
          totalTimeout: fc.integer({ min: 20, max: 80 }),
          retry: fc.record({
            limit: fc.integer({ min: 0, max: 10 }),
            baseDelay: fc.integer({ min: 0, max: 1_000 }),
            maxDelay: fc.integer({ min: 0, max: 2_000 }),
            maxRetryAfter: fc.integer({ min: 0, max: 5_000 }),
          }),
        }),
        async (script, options) => {
          const server = scriptedFetch((request, attempt) =>
            behave(script[(attempt - 1) % script.length]!, request),
          );
          const client = new CincopaClient({ apiToken: 't', fetch: server.fetch, ...options });
          const started = Date.now();

          const outcome = await client.getAssetVersions('R').catch((e: unknown) => e);

          expect(Date.now() - started).toBeLessThan(options.totalTimeout + SLACK_MS);
          if (outcome instanceof Error) expect(outcome).toBeInstanceOf(CincopaError);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('settles within 50 ms of an abort during a backoff wait or a stalled body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Behaviour>('503', '429-in-1s', 'reset', 'stall-in-body', 'stall'),
        fc.integer({ min: 1_000, max: 60_000 }),
        fc.integer({ min: 0, max: 15 }),
        async (behaviour, baseDelay, abortAfterMs) => {
          const controller = new AbortController();
          let abortedAt = 0;
          const abort = () =>
            setTimeout(() => {
              abortedAt = Date.now();
              controller.abort();
            }, abortAfterMs);
          const server = scriptedFetch((request) => {
            if (behaviour.startsWith('stall')) abort();
            return behave(behaviour, request);
          });
          const client = new CincopaClient({
            apiToken: 't',
            fetch: server.fetch,
            retry: { baseDelay, maxDelay: baseDelay },
            hooks: { onRetry: abort },
          });

          const error = await client
            .getAssetVersions('R', { signal: controller.signal })
            .catch((e: unknown) => e);

          expect(Date.now() - abortedAt).toBeLessThan(50);
          expect(error).toMatchObject({ code: 'aborted' });
        },
      ),
      { numRuns: 30 },
    );
  });

  it('leaves no timer or socket behind after any call: the process exits by itself', async () => {
    const hostile = await startHostileServer({
      OK: { kind: 'json', status: 200, body: { success: true, items: [{ rid: 'OK' }] } },
      401: { kind: 'json', status: 401, body: { success: false } },
      503: { kind: 'json', status: 503, body: { success: false } },
      429: { kind: 'json', status: 429, body: {}, headers: { 'retry-after': '3600' } },
      RESET: { kind: 'reset' },
      NOTJSON: { kind: 'text', status: 200, body: '<b>Notice</b>' },
      STALL: { kind: 'stall' },
      DRIP: { kind: 'drip', everyMs: 10 },
      ENDLESS: { kind: 'stream', bytes: 'endless', declareLength: false },
      DECLARED: { kind: 'stream', bytes: 20 * 1024 * 1024, declareLength: true },
    });
    const listing = await startFakeCincopa({
      assets: generateAccount({ count: 100, seed: 3 }).assets,
      latencyMs: 30,
      faults: [{ page: 3, times: Infinity, fault: { kind: 'status', status: 503 } }],
    });

    try {
      const { report, exitedAt, code } = await runChild(
        { hostile: hostile.baseUrl, listing: { baseUrl: listing.baseUrl, token: listing.token } },
        10_000,
      );

      expect(report['outcomes']).toEqual([
        'OK: ok',
        '401: auth_failed',
        '503: server_error',
        '429: rate_limited',
        'RESET: network',
        'NOTJSON: invalid_response',
        'STALL: timeout',
        'STALL: timeout',
        'DRIP: timeout',
        'ENDLESS: invalid_response',
        'DECLARED: invalid_response',
        'STALL: aborted',
        '503: aborted',
        'audit: server_error on page 3',
        'audit: aborted on page 1',
      ]);
      // Only the pipe of stdout: no timer, no socket, not even an idle keep-alive one.
      expect(report['resources']).toEqual(['PipeWrap']);
      expect(exitedAt - (report['doneAt'] as number)).toBeLessThan(1_000);
      expect(code).toBe(0);
    } finally {
      await hostile.close();
      await listing.close();
    }
  });
});
