import { isDeepStrictEqual } from 'node:util';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { assetListResponseSchema } from '../../src/index.js';
import { compiledWhenWorthIt } from '../../src/internal/compiled-when-worth-it.js';
import { auditedPageSchema } from '../../src/models/audited-asset.js';
import { buildListBody, generateAccount } from '../../src/testing/index.js';
import { fixtureJson } from '../support/cincopa-mocks.js';
import { type Mutation, mutatedBody, mutationArbitrary } from '../support/json-mutations.js';

const RUNS = 500;

const bases: unknown[] = [
  fixtureJson('help-article-asset.json'),
  fixtureJson('empty-map-as-array.json'),
  fixtureJson('nulls-and-packed-strings.json'),
  fixtureJson('version-labels-mixed.json'),
  buildListBody(generateAccount({ count: 3, seed: 11 }).assets),
];

const schemas = { 'the page schema': assetListResponseSchema, "the audit's": auditedPageSchema };

// The text of a mutated body: each schema parses its own copy, as zod may not change its input.
function mutatedText(base: unknown, mutations: Mutation[]): string {
  return new TextDecoder().decode(mutatedBody(base, mutations, { kind: 'none' }));
}

describe('compiled page schemas', () => {
  for (const [name, schema] of Object.entries(schemas)) {
    const compiled = z.compile(schema as z.ZodType);

    it(`accept, return and reject what ${name} does, with the same issues (${RUNS} mutated bodies)`, () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...bases),
          fc.array(mutationArbitrary, { minLength: 0, maxLength: 4 }),
          (base, mutations) => {
            const text = mutatedText(base, mutations);

            const expected = schema.safeParse(JSON.parse(text));
            const actual = compiled.safeParse(JSON.parse(text));

            expect(actual.success).toBe(expected.success);
            if (!expected.success)
              expect(actual.error?.issues).toStrictEqual(expected.error.issues);
            // A deeply nested value is kept as it came, and comparing it would overflow the
            // comparison's stack, not the schemas'. `isDeepStrictEqual`, because `toStrictEqual`
            // compares a `constructor` key, which a body may hold, by identity.
            else if (!mutations.some((mutation) => mutation.kind === 'nest')) {
              expect(isDeepStrictEqual(actual.data, expected.data)).toBe(true);
            }
          },
        ),
        { numRuns: RUNS },
      );
    });
  }
});

describe('compiledWhenWorthIt', () => {
  it('hands out the schema itself until it has read about 10 MB, then its compiled clone', () => {
    const schemaFor = compiledWhenWorthIt(auditedPageSchema);

    const early = schemaFor(9_999_999);
    const late = schemaFor(1);

    expect(early).toBe(auditedPageSchema);
    expect(late).not.toBe(auditedPageSchema);
    expect(schemaFor(1)).toBe(late);
  });
});
