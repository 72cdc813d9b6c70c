import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

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

/** Serves `body` to both calls; returns how each ended, or throws on a broken promise. */
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
  const outcomes = await Promise.allSettled([single, page]);

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

function firstRid(base: unknown): string {
  const items = (base as { items?: { rid?: unknown }[] }).items;
  const rid = items?.[0]?.rid;
  return typeof rid === 'string' && rid !== '' ? rid : 'ASSET_RID';
}

describe('hostile responses', () => {
  it(`resolve with a typed result or reject with a CincopaError (${RUNS} mutated bodies)`, async () => {
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

      expect(outcomes).toEqual(['resolved', 'resolved']);
    }
  });
});
