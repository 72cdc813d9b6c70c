import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import {
  ASSET_DETAILS,
  type AssetListRequest,
  CincopaClient,
  type CincopaClientOptions,
  CincopaError,
} from '../../src/index.js';
import { sentParameters, unencodedParameters } from '../support/query-encoding.js';
import { jsonReply, scriptedFetch } from '../support/scripted-fetch.js';

const TOKEN = 'fuzz-token';
const BASE_URL = 'https://api.cincopa.com/v2/';

/** A fake Cincopa that answers any request with a page holding the asked rid, if any. */
function echoingServer() {
  return scriptedFetch((request) => {
    const rid = new URL(request.url).searchParams.get('rid');
    const items = rid === null ? [] : [{ rid }];
    return jsonReply({
      success: true,
      items,
      items_data: { page: 1, items_per_page: 50, items_count: items.length, pages_count: 1 },
    });
  });
}

/** Fails unless `error` is an `invalid_request` thrown before any request was sent. */
function expectRejectedBeforeRequest(error: unknown, requests: number) {
  expect(error).toBeInstanceOf(CincopaError);
  expect((error as CincopaError).code).toBe('invalid_request');
  expect(requests).toBe(0);
}

// Units from all of UTF-16, lone surrogates included, and from the characters URLs reserve.
const anyUnit = fc.oneof(
  fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  fc.constantFrom('&', '=', '?', '#', '%', '+', ' ', '/', '\\', '%00', '%2', '\u0000', '\n'),
  fc.constantFrom('😀', 'é', '\u200b', '\ufeff', '\ud800', '\udfff'),
);
/** Mostly a valid value, sometimes anything at all. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<unknown>) {
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: invalid });
}

const fuzzText = fc.oneof(
  fc.string({ unit: anyUnit, maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ minLength: 190, maxLength: 1_100 }),
);

// Node reports a timer longer than it can hold as a warning, which would break silence.
const warnings: string[] = [];
const recordWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);

describe('input validation, fuzzed', () => {
  beforeEach(() => {
    process.on('warning', recordWarning);
  });

  afterEach(() => {
    process.off('warning', recordWarning);
    expect(warnings.splice(0)).toEqual([]);
  });

  it('sends any rid encoded and echoed back, or rejects it before any request', async () => {
    const tally = { sent: 0, rejected: 0 };

    await fc.assert(
      fc.asyncProperty(fc.oneof(fuzzText, fc.anything()), async (rid) => {
        const server = echoingServer();
        const client = new CincopaClient({ apiToken: TOKEN, fetch: server.fetch, retry: false });

        const outcome = await client.getAssetVersions(rid as string).catch((e: unknown) => e);

        tally[outcome instanceof Error ? 'rejected' : 'sent']++;
        if (outcome instanceof Error)
          return expectRejectedBeforeRequest(outcome, server.requests.length);
        const url = server.requests[0]!.url;
        expect(unencodedParameters(url)).toEqual([]);
        expect(sentParameters(url).map(({ name, value }) => [name, value])).toEqual([
          ['api_token', TOKEN],
          ['rid', rid],
          ['details', ASSET_DETAILS.join(',')],
          ['items_per_page', '50'],
        ]);
        expect(outcome).toMatchObject({ rid });
      }),
      { numRuns: 1_000 },
    );

    expect(tally.sent).toBeGreaterThan(100);
    expect(tally.rejected).toBeGreaterThan(100);
  });

  it('sends any listing query encoded, parameter for parameter, or rejects it before any request', async () => {
    // Mostly plausible values, so that most requests are sent and their encoding checked.
    const plausible = fc.string({ unit: fc.constantFrom(...'aZ09-_.~é😀&=?#%+/'), minLength: 1 });
    const field = fc.option(
      fc.oneof(
        { weight: 6, arbitrary: plausible },
        { weight: 2, arbitrary: fuzzText },
        { weight: 1, arbitrary: fc.anything() },
      ),
      { nil: undefined, freq: 2 },
    );
    const number = fc.option(
      fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 500 }) },
        { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.anything()) },
        { weight: 1, arbitrary: fc.constantFrom(0, 501, 2 ** 53, -1, Number.MAX_SAFE_INTEGER) },
      ),
      { nil: undefined, freq: 2 },
    );
    const request = fc.record(
      {
        rid: field,
        search: field,
        type: field,
        tag: field,
        referenceId: field,
        details: fc.option(fc.array(fc.oneof(fc.constantFrom(...ASSET_DETAILS), fuzzText)), {
          nil: undefined,
        }),
        page: number,
        itemsPerPage: number,
      },
      { requiredKeys: [] },
    );
    const unknownKey = fc.oneof(
      { weight: 9, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.anything() },
    );
    const query = fc
      .tuple(request, unknownKey)
      .map(([known, extra]) => (extra === undefined ? known : { ...known, extra }));

    const tally = { sent: 0, rejected: 0 };

    await fc.assert(
      fc.asyncProperty(query, async (query) => {
        const server = echoingServer();
        const client = new CincopaClient({ apiToken: TOKEN, fetch: server.fetch, retry: false });

        const outcome = await client
          .listAssetsPage(query as AssetListRequest)
          .catch((e: unknown) => e);

        tally[outcome instanceof Error ? 'rejected' : 'sent']++;
        if (outcome instanceof Error)
          return expectRejectedBeforeRequest(outcome, server.requests.length);
        const url = server.requests[0]!.url;
        expect(url.slice(0, url.indexOf('?'))).toBe(`${BASE_URL}asset.list.json`);
        expect(unencodedParameters(url)).toEqual([]);
        const sent = sentParameters(url).map(({ name, value }) => [name, value]);
        expect(sent.sort()).toEqual(expectedParameters(query as AssetListRequest).sort());
      }),
      { numRuns: 1_000 },
    );

    expect(tally.sent).toBeGreaterThan(100);
    expect(tally.rejected).toBeGreaterThan(100);
  });

  it('builds a working client from any options, or rejects them before any request', async () => {
    const badNumber = fc.oneof(
      fc.constantFrom(0, -1, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 1e12, Number.MAX_SAFE_INTEGER),
      fc.constantFrom(Number.NaN, Infinity, -Infinity, 1.5, -0),
      fc.anything(),
    );
    const milliseconds = mostly(fc.integer({ min: 1, max: 100_000 }), badNumber);
    const options = fc.record(
      {
        apiToken: mostly(fc.string({ unit: anyUnit, minLength: 1, maxLength: 40 }), fc.anything()),
        baseUrl: mostly(
          fc.constantFrom(
            'http://127.0.0.1:9/v2',
            'https://api.cincopa.com/v2/',
            'http://[::1]:8/',
          ),
          fc.oneof(
            fuzzText,
            fc.webUrl({ withQueryParameters: true, withFragments: true }),
            fc.constantFrom('ftp://example.invalid/', 'javascript:alert(1)', '//example.invalid/'),
          ),
        ),
        timeout: milliseconds,
        totalTimeout: milliseconds,
        // The echoed page is about 150 bytes; a smaller limit rightly fails the call.
        maxResponseBytes: mostly(fc.integer({ min: 1_000, max: 2 ** 40 }), badNumber),
        retry: mostly(
          fc.oneof(
            fc.constant(false as const),
            fc.record(
              {
                limit: mostly(fc.integer({ min: 0, max: 10 }), milliseconds),
                maxRetryAfter: milliseconds,
                baseDelay: milliseconds,
                maxDelay: milliseconds,
              },
              { requiredKeys: [] },
            ),
          ),
          fc.anything(),
        ),
        hooks: mostly(fc.constant({ onRequest: () => undefined }), fc.anything()),
      },
      { requiredKeys: [] },
    );
    const outcomes = { built: 0, rejected: 0 };

    await fc.assert(
      fc.asyncProperty(options, async (given) => {
        const server = echoingServer();
        let client: CincopaClient;
        try {
          client = new CincopaClient({
            apiToken: TOKEN,
            ...(given as CincopaClientOptions),
            fetch: server.fetch,
          });
        } catch (error) {
          outcomes.rejected++;
          return expectRejectedBeforeRequest(error, server.requests.length);
        }

        const result = await client.getAssetVersions('R').catch((e: unknown) => e);
        await new Promise((resolve) => setImmediate(resolve));

        outcomes.built++;
        expect(warnings).toEqual([]);
        if (result instanceof CincopaError && result.message.includes('`maxResponseBytes`')) {
          // A limit smaller than the echoed page rightly refuses it.
          expect(given.maxResponseBytes).toBeLessThan(server.requests.length * 1_000);
          return;
        }
        expect(result).toMatchObject({ rid: 'R' });
        const url = server.requests[0]!.url;
        expect(unencodedParameters(url)).toEqual([]);
        const token = typeof given.apiToken === 'string' ? given.apiToken.trim() : TOKEN;
        expect(sentParameters(url)[0]).toMatchObject({ name: 'api_token', value: token });
      }),
      { numRuns: 1_000 },
    );

    expect(outcomes.built).toBeGreaterThan(100);
    expect(outcomes.rejected).toBeGreaterThan(100);
  });

  it('accepts any call options that work, or rejects them before any request', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({ signal: fc.anything() }, { requiredKeys: [] }),
          fc.constant({ signal: new AbortController().signal }),
        ),
        async (callOptions) => {
          const server = echoingServer();
          const client = new CincopaClient({ apiToken: TOKEN, fetch: server.fetch });

          const outcome = await client
            .getAssetVersions('R', callOptions as never)
            .catch((e: unknown) => e);

          if (outcome instanceof Error)
            return expectRejectedBeforeRequest(outcome, server.requests.length);
          expect(outcome).toMatchObject({ rid: 'R' });
        },
      ),
      { numRuns: 500 },
    );
  });
});

/** The parameters a valid request must be sent as. */
function expectedParameters(query: AssetListRequest): [string, string][] {
  const trimmed = (text: string | undefined) => text?.trim();
  const details = query.details && [...new Set(query.details)].join(',');
  const pairs: [string, string | number | undefined][] = [
    ['api_token', TOKEN],
    ['items_per_page', query.itemsPerPage ?? 50],
    ['rid', query.rid],
    ['details', details],
    ['search', trimmed(query.search)],
    ['type', trimmed(query.type)],
    ['tag', trimmed(query.tag)],
    ['reference_id', trimmed(query.referenceId)],
    ['page', query.page],
  ];
  return pairs
    .filter((pair): pair is [string, string | number] => pair[1] !== undefined)
    .map(([name, value]) => [name, String(value)]);
}
