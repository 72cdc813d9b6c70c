import { describe, expect, it } from 'vitest';

import { CincopaClient, CincopaError } from '../../src/index.js';
import { jsonReply, scriptedFetch } from '../support/scripted-fetch.js';

function echoingClient() {
  const server = scriptedFetch((request) => {
    const rid = new URL(request.url).searchParams.get('rid');
    return jsonReply({ success: true, items: rid === null ? [] : [{ rid }] });
  });
  const client = new CincopaClient({ apiToken: 'fuzz-token', fetch: server.fetch });
  return { client, requests: server.requests };
}

async function rejection(call: () => Promise<unknown>): Promise<CincopaError> {
  const error = await call().then(
    () => expect.fail('expected the call to be rejected'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CincopaError);
  return error as CincopaError;
}

describe('inputs found by the fuzzer', () => {
  it.each(['http://a.aa?', 'http://a.aa/v2/#', 'https://a.aa/v2/?#'])(
    'sends to the path of a baseUrl that ends with an empty query or fragment (%s)',
    async (baseUrl) => {
      const server = scriptedFetch(() => jsonReply({ success: true, items: [] }));
      const client = new CincopaClient({ apiToken: 'fuzz-token', baseUrl, fetch: server.fetch });

      await client.listAssetsPage();

      const root = baseUrl.replace(/[?#]+$/, '').replace(/\/?$/, '/');
      expect(server.requests[0]?.url).toBe(
        `${root}asset.list.json?api_token=fuzz-token&items_per_page=50`,
      );
      expect(client.describeRequest()).toBe(
        `${root}asset.list.json?api_token=***&items_per_page=50`,
      );
    },
  );

  it.each([
    ['a rid', { rid: 'A\ud800' }],
    ['a search', { search: '\udfffintro' }],
    ['a tag', { tag: 'x\ud83d' }],
  ])(
    'rejects %s with a lone surrogate before any request, rather than sending U+FFFD',
    async (_name, request) => {
      const { client, requests } = echoingClient();

      const error = await rejection(() => client.listAssetsPage(request));

      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain('well-formed');
      expect(requests).toHaveLength(0);
    },
  );

  it('rejects a token with a lone surrogate with invalid_request, not a URIError', () => {
    const build = () => new CincopaClient({ apiToken: 'tok\ud800en' });

    expect(build).toThrow(CincopaError);
    expect(build).toThrow(/`apiToken`: must be well-formed Unicode/);
  });

  it.each([
    ['a signal that is not an AbortSignal', { signal: 'soon' }],
    ['a signal-like object', { signal: { aborted: false } }],
    ['null options', null],
    ['an unknown option', { timeout: 5 }],
  ])(
    'rejects %s with invalid_request before any request, not a TypeError',
    async (_name, options) => {
      const { client, requests } = echoingClient();

      const calls = [
        () => client.getAssetVersions('R', options as never),
        () => client.listAssetsPage({}, options as never),
        () => client.ping(options as never),
      ];

      for (const call of calls) expect((await rejection(call)).code).toBe('invalid_request');
      expect(requests).toHaveLength(0);
    },
  );

  it.each([undefined, null, 42, ['R']])(
    'rejects the rid %j before any request, rather than listing every asset',
    async (rid) => {
      const { client, requests } = echoingClient();

      const error = await rejection(() => client.getAssetVersions(rid as never));

      expect(error.code).toBe('invalid_request');
      expect(error.message).toContain('`rid`');
      expect(requests).toHaveLength(0);
    },
  );

  it('sends the default page size when itemsPerPage is given as undefined', async () => {
    const { client, requests } = echoingClient();

    await client.listAssetsPage({ itemsPerPage: undefined });

    expect(new URL(requests[0]!.url).searchParams.get('items_per_page')).toBe('50');
    expect(client.describeRequest({ itemsPerPage: undefined })).toContain('items_per_page=50');
  });

  it.each([{ timeout: 2 ** 31 }, { totalTimeout: 1e12 }])(
    'rejects %j, longer than a timer can hold, rather than timing out at once',
    (options) => {
      const build = () => new CincopaClient({ apiToken: 'fuzz-token', ...options });

      expect(build).toThrow(CincopaError);
      expect(build).toThrow(/must be at most 2147483647/);
    },
  );
});
