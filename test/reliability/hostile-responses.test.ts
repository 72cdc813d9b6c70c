import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CincopaClient, CincopaError } from '../../src/index.js';
import { buildListBody, generateAccount } from '../../src/testing/index.js';
import { fixtureJson } from '../support/cincopa-mocks.js';
import {
  type Mutation,
  type TextMutation,
  mutatedBody,
  mutationArbitrary,
  textMutationArbitrary,
} from '../support/json-mutations.js';
import { type HostileServer, startHostileServer } from '../support/hostile-server.js';
import { scriptedFetch } from '../support/scripted-fetch.js';
import { pageViolations, versionsViolations } from '../support/typed-results.js';

const RUNS = 1_000;

// However large the body, an error's message stays a few lines long.
const MAX_MESSAGE_LENGTH = 2_000;

const bases: Record<string, unknown> = {
  'help article': fixtureJson('help-article-asset.json'),
  'empty map as array': fixtureJson('empty-map-as-array.json'),
  'nulls and packed strings': fixtureJson('nulls-and-packed-strings.json'),
  'version labels mixed': fixtureJson('version-labels-mixed.json'),
  'generated page': buildListBody(generateAccount({ count: 3, seed: 11 }).assets),
};

type Outcome = 'resolved' | `rejected ${string}`;

/**
 * Serves `body` to getAssetVersions, listAssetsPage and an audit; returns how each ended,
 * or throws when one ended with anything but a typed result or a CincopaError.
 */
async function callWith(body: Uint8Array<ArrayBuffer>, rid: string): Promise<Outcome[]> {
  const script = scriptedFetch(
    () => new Response(body, { headers: { 'content-type': 'application/json' } }),
  );
  const client = new CincopaClient({ apiToken: 'hostile-token', fetch: script.fetch });

  const single = client.getAssetVersions(rid).then((result) => {
    expect(versionsViolations(result, rid)).toEqual([]);
  });
  const page = client.listAssetsPage().then((result) => {
    expect(pageViolations(result)).toEqual([]);
  });
  const audit = auditWith(body);
  const outcomes = await Promise.allSettled([single, page, audit]);

  expect(script.requests).toHaveLength(2);
  return outcomes.map((outcome): Outcome => {
    if (outcome.status === 'fulfilled') return 'resolved';
    const error: unknown = outcome.reason;
    if (!(error instanceof CincopaError)) throw error;
    expect(error.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
    expect(error.excerpt?.length ?? 0).toBeLessThanOrEqual(201);
    return `rejected ${error.code}`;
  });
}

/** Audits an account whose every page is `body`; fails on a record that breaks its type. */
async function auditWith(body: Uint8Array<ArrayBuffer>): Promise<void> {
  const script = scriptedFetch(
    () => new Response(body, { headers: { 'content-type': 'application/json' } }),
  );
  const client = new CincopaClient({ apiToken: 'hostile-token', fetch: script.fetch });

  for await (const record of client.auditVersions()) {
    expect(typeof record.rid === 'string' && record.rid !== '').toBe(true);
    expect(Number.isSafeInteger(record.versionBytes) && record.versionBytes >= 0).toBe(true);
    expect(record.versions.every((version) => /^ver-[1-9]\d*$/.test(version.label))).toBe(true);
  }
}

function firstRid(base: unknown): string {
  const items = (base as { items?: { rid?: unknown }[] }).items;
  const rid = items?.[0]?.rid;
  return typeof rid === 'string' && rid !== '' ? rid : 'ASSET_RID';
}

describe('hostile responses', () => {
  it(`resolve with a typed result or reject with a CincopaError (${RUNS} mutated bodies × 3 calls)`, async () => {
    const seen = new Map<Outcome, number>();

    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...Object.keys(bases)),
        fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }),
        textMutationArbitrary,
        async (name: string, mutations: Mutation[], text: TextMutation) => {
          const base = bases[name];
          const body = mutatedBody(base, mutations, text);

          const outcomes = await callWith(body, firstRid(base));

          for (const outcome of outcomes) seen.set(outcome, (seen.get(outcome) ?? 0) + 1);
        },
      ),
      { numRuns: RUNS },
    );

    expect(seen.get('resolved')).toBeGreaterThan(0);
    expect(seen.get('rejected validation_failed')).toBeGreaterThan(0);
    expect(seen.get('rejected invalid_response')).toBeGreaterThan(0);
  });

  it('reads every unmutated base as a typed result', async () => {
    for (const base of Object.values(bases)) {
      const outcomes = await callWith(mutatedBody(base, [], { kind: 'none' }), firstRid(base));

      expect(outcomes).toEqual(['resolved', 'resolved', 'resolved']);
    }
  });
});

const MiB = 1024 * 1024;
const validTail = JSON.stringify({
  success: true,
  items: [{ rid: 'BIG', filename: 'x'.repeat(1_000) }],
});

/** A body of `total` bytes that is read chunk by chunk, counting what the client pulled. */
function countedBody(total: number) {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (pulled >= total) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled: () => pulled };
}

describe('hostile responses of any size', () => {
  it('stops reading a 20 MB body at maxResponseBytes, holding no more than the limit', async () => {
    const counted = countedBody(20 * MiB);
    const script = scriptedFetch(() => new Response(counted.body));
    const client = new CincopaClient({ apiToken: 't', fetch: script.fetch, maxResponseBytes: MiB });

    const error = await client.getAssetVersions('BIG').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CincopaError);
    expect((error as CincopaError).code).toBe('invalid_response');
    expect(counted.pulled()).toBeLessThanOrEqual(MiB + 64 * 1024);
    expect(script.requests).toHaveLength(1);
  });

  it('stops reading an endless body at maxResponseBytes', async () => {
    const counted = countedBody(Infinity);
    const script = scriptedFetch(() => new Response(counted.body));
    const client = new CincopaClient({ apiToken: 't', fetch: script.fetch, maxResponseBytes: MiB });

    const error = await client.listAssetsPage().catch((e: unknown) => e);

    expect((error as CincopaError).code).toBe('invalid_response');
    expect(counted.pulled()).toBeLessThanOrEqual(MiB + 64 * 1024);
  });

  describe('over a real socket', () => {
    let server: HostileServer;

    beforeAll(async () => {
      server = await startHostileServer({
        BIG: { kind: 'stream', bytes: 20 * MiB, declareLength: false, tail: validTail },
        DECLARED: { kind: 'stream', bytes: 20 * MiB, declareLength: true, tail: validTail },
        DRIP: { kind: 'drip', everyMs: 10 },
      });
    });

    afterAll(async () => {
      await server.close();
    });

    const client = (options = {}) =>
      new CincopaClient({ apiToken: 't', baseUrl: server.baseUrl, retry: false, ...options });

    it('reads a 20 MB body of valid JSON as a typed result', async () => {
      const result = await client().getAssetVersions('BIG');

      expect(versionsViolations(result, 'BIG')).toEqual([]);
      expect(result.asset.filename).toHaveLength(1_000);
    });

    it('refuses a 20 MB body that declares its length, before reading it', async () => {
      const before = server.bytesWritten();

      const error = await client({ maxResponseBytes: MiB })
        .getAssetVersions('DECLARED')
        .catch((e: unknown) => e);

      expect((error as CincopaError).code).toBe('invalid_response');
      expect(server.bytesWritten() - before).toBeLessThan(20 * MiB);
    });

    // That the connections of refused and timed-out bodies are closed is proven without msw,
    // in a child process: see time-bounds.test.ts.
    it('ends a body that drips forever with timeout', async () => {
      const error = await client({ timeout: 150 })
        .getAssetVersions('DRIP')
        .catch((e: unknown) => e);

      expect((error as CincopaError).code).toBe('timeout');
    });
  });
});
