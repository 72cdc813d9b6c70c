import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';

import {
  CincopaClient,
  type CincopaClientOptions,
  ListingError,
  type RetryEvent,
} from '../../src/index.js';
import {
  type FakeCincopa,
  type FakeCincopaOptions,
  type Fault,
  generateAccount,
  startFakeCincopa,
} from '../../src/testing/index.js';

let server: FakeCincopa | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(options: FakeCincopaOptions, client: CincopaClientOptions = {}) {
  server = await startFakeCincopa(options);
  return new CincopaClient({
    apiToken: server.token,
    baseUrl: server.baseUrl,
    retry: { baseDelay: 1, maxDelay: 5 },
    ...client,
  });
}

/** Runs an audit to its end; returns every rid handed out, or the error that ended it. */
async function runAudit(client: CincopaClient, itemsPerPage: number, concurrency: number) {
  const audit = client.auditVersions({ itemsPerPage }, { concurrency });
  const rids: string[] = [];
  try {
    for await (const record of audit) rids.push(record.rid);
  } catch (error) {
    return { audit, rids, error };
  }
  return { audit, rids, error: undefined };
}

/** What each retried failure was: `429`, `503`, `network`… */
function failureKind(event: RetryEvent): string {
  return event.error.code === 'network' ? 'network' : String(event.error.status);
}

describe('an audit under faults', () => {
  it("matches the generator's totals for 10,000 assets under 10 % 429s, 5xx and resets", async () => {
    const account = generateAccount({ count: 10_000, seed: 606 });
    const retried = new Map<string, number>();
    const client = await serve(
      { assets: account.assets, chaos: { seed: 9, rate: 0.1 } },
      {
        hooks: {
          onRetry: (event) =>
            retried.set(failureKind(event), (retried.get(failureKind(event)) ?? 0) + 1),
        },
      },
    );

    const { audit, rids, error } = await runAudit(client, 50, 8);

    expect(error).toBeUndefined();
    expect(audit.summary).toEqual(account.totals);
    expect(rids).toHaveLength(10_000);
    expect(new Set(rids).size).toBe(10_000);
    expect([...rids].sort()).toEqual(account.assets.map((asset) => asset.rid).sort());
    expect(audit.stats).toMatchObject({
      pagesDone: 200,
      duplicatesSkipped: 0,
      countsChanged: false,
    });
    const struck = server!.requests.filter((request) => request.fault !== null).length;
    expect(struck).toBeGreaterThan(10);
    expect(server!.requests).toHaveLength(200 + struck);
    expect([...retried.keys()].sort()).toEqual(['429', '500', '502', '503', 'network']);
  });

  it('matches the totals for any account, page size, concurrency and fault rate', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          count: fc.integer({ min: 0, max: 1_500 }),
          accountSeed: fc.integer({ min: 1, max: 10_000 }),
          chaosSeed: fc.integer({ min: 1, max: 10_000 }),
          rate: fc.double({ min: 0, max: 0.4, noNaN: true }),
          maxPerRequest: fc.integer({ min: 1, max: 2 }),
          itemsPerPage: fc.integer({ min: 1, max: 300 }),
          concurrency: fc.integer({ min: 1, max: 16 }),
        }),
        async (run) => {
          const account = generateAccount({ count: run.count, seed: run.accountSeed });
          const chaos = { seed: run.chaosSeed, rate: run.rate, maxPerRequest: run.maxPerRequest };
          const client = await serve(
            { assets: account.assets, chaos },
            { retry: { limit: 2, baseDelay: 0, maxDelay: 1 } },
          );

          const { audit, rids, error } = await runAudit(client, run.itemsPerPage, run.concurrency);
          await server!.close();
          server = undefined;

          expect(error).toBeUndefined();
          expect(audit.summary).toEqual(account.totals);
          expect(new Set(rids).size).toBe(run.count);
          expect(rids).toHaveLength(run.count);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('never reports a summary that silently misses or double-counts an asset, whatever a page says', async () => {
    const lies: Fault[] = [
      { kind: 'serve-page', page: 1, echo: 'asked' },
      { kind: 'serve-page', page: 2, echo: 'served' },
      { kind: 'wrong-page' },
      {
        kind: 'rewrite',
        rewrite: (body) => ({ ...body, items: (body['items'] as unknown[]).slice(1) }),
      },
      {
        kind: 'rewrite',
        rewrite: (body) => {
          const items = body['items'] as unknown[];
          return { ...body, items: [...items.slice(0, -1), ...items.slice(0, 1)] };
        },
      },
      { kind: 'raw', body: '<br /><b>Notice</b>: Undefined index' },
      { kind: 'status', status: 503 },
    ];

    await fc.assert(
      fc.asyncProperty(
        fc.record({
          count: fc.integer({ min: 1, max: 600 }),
          seed: fc.integer({ min: 1, max: 10_000 }),
          rate: fc.double({ min: 0.05, max: 0.5, noNaN: true }),
          faults: fc.subarray(lies, { minLength: 1 }),
          itemsPerPage: fc.integer({ min: 1, max: 100 }),
          concurrency: fc.integer({ min: 1, max: 8 }),
        }),
        async (run) => {
          const account = generateAccount({ count: run.count, seed: run.seed });
          const chaos = { seed: run.seed, rate: run.rate, faults: run.faults };
          const client = await serve(
            { assets: account.assets, chaos },
            { retry: { limit: 1, baseDelay: 0 } },
          );

          const { audit, rids, error } = await runAudit(client, run.itemsPerPage, run.concurrency);
          await server!.close();
          server = undefined;

          if (error !== undefined) {
            expect(error).toBeInstanceOf(ListingError);
            return;
          }
          expect(new Set(rids).size).toBe(rids.length);
          if (!audit.stats.countsChanged) {
            expect(audit.summary).toEqual(account.totals);
            expect(rids).toHaveLength(run.count);
          }
        },
      ),
      { numRuns: 30 },
    );
  });

  const lastingFaults: [string, Fault, string, CincopaClientOptions][] = [
    ['503', { kind: 'status', status: 503 }, 'server_error', {}],
    ['500', { kind: 'status', status: 500 }, 'server_error', {}],
    ['429 without Retry-After', { kind: 'status', status: 429 }, 'rate_limited', {}],
    ['a reset connection', { kind: 'reset' }, 'network', {}],
    ['a stall', { kind: 'stall' }, 'timeout', { timeout: 50 }],
    ['a stall after the headers', { kind: 'stall', after: 'headers' }, 'timeout', { timeout: 50 }],
  ];

  it.each(lastingFaults)(
    'fails with a ListingError naming the page when %s outlasts the retries',
    async (_name, fault, code, options) => {
      const account = generateAccount({ count: 1_000, seed: 17 });
      const client = await serve(
        { assets: account.assets, faults: [{ page: 7, times: Infinity, fault }] },
        options,
      );

      const { audit, rids, error } = await runAudit(client, 50, 4);

      expect(error).toBeInstanceOf(ListingError);
      expect(error).toMatchObject({ code, page: 7, pagesTotal: 20 });
      expect((error as ListingError).message).toMatch(/^Listing failed on page 7 of 20: /);
      expect(rids.length).toBeLessThan(1_000);
      expect(audit.stats.pagesDone).toBeLessThan(20);
      const asked = server!.requests.filter((request) => request.query.get('page') === '7');
      expect(asked).toHaveLength(3);
    },
  );

  it('fails with a ListingError naming page 1 when the first page outlasts the retries', async () => {
    const client = await serve({
      assets: generateAccount({ count: 200, seed: 3 }).assets,
      faults: [{ page: 1, times: Infinity, fault: { kind: 'status', status: 502 } }],
    });

    const { rids, error } = await runAudit(client, 50, 4);

    expect(error).toMatchObject({ code: 'server_error', page: 1, pagesTotal: null });
    expect((error as ListingError).message).toMatch(/^Listing failed on page 1: /);
    expect(rids).toEqual([]);
  });
});
