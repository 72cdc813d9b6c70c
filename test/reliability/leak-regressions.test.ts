import { afterEach, describe, expect, it, vi } from 'vitest';

import { runCli } from '../../src/cli/run-cli.js';
import { CincopaClient } from '../../src/index.js';
import { createTokenMasker } from '../../src/internal/token-mask.js';
import { exposedTexts, findCanary, phpSpellings } from '../support/canary-spellings.js';
import { captureCli } from '../support/cli-capture.js';
import { jsonReply, scriptedFetch } from '../support/scripted-fetch.js';
import { expectFailure } from '../support/expect-failure.js';

const TOKEN = 'tok+en/é=&%41';

function clientAnswering(body: () => Response) {
  return new CincopaClient({ apiToken: TOKEN, retry: false, fetch: scriptedFetch(body).fetch });
}

describe('token leaks found by the canary', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('does not leak a token echoed as a map key into a validation issue path', async () => {
    const client = clientAnswering(() =>
      jsonReply({ success: true, items: [{ rid: 'R', versions: { [TOKEN]: { filesize: 'x' } } }] }),
    );

    const error = await expectFailure(client.getAssetVersions('R'));

    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('`items[0].versions.***.filesize`');
    expect(findCanary(TOKEN, exposedTexts(error))).toEqual([]);
  });

  it('does not leak a token echoed as the rid of another asset than the one asked for', async () => {
    const client = clientAnswering(() => jsonReply({ success: true, items: [{ rid: TOKEN }] }));

    const error = await expectFailure(client.getAssetVersions('R'));

    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Invalid response: asked for the asset "R", received "***".');
    expect(findCanary(TOKEN, exposedTexts(error))).toEqual([]);
  });

  it('does not leak a token as a PHP back end re-encodes it: HTML entities, rawurlencode, json_encode flags', async () => {
    for (const [token, spelling] of [`CANARY&x*y/é'<>"~ z`, 'Xy Zw-secret'].flatMap((token) =>
      phpSpellings(token).map((spelling) => [token, spelling] as const),
    )) {
      const bodies = [
        () => new Response(`<p>bad token ${spelling}</p>`, { status: 500 }),
        () => new Response(`<a href="/login?api_token=${spelling}">again</a>`, { status: 500 }),
        () =>
          new Response(`{"success":false,"message":"token ${spelling} invalid"}`, {
            headers: { 'content-type': 'application/json' },
          }),
      ];
      for (const body of bodies) {
        const client = new CincopaClient({
          apiToken: token,
          retry: false,
          fetch: scriptedFetch(body).fetch,
        });

        const error = await expectFailure(client.getAssetVersions('R'));

        expect(error.excerpt ?? error.message).toContain('***');
        expect(findCanary(token, exposedTexts(error))).toEqual([]);
      }
    }
  });

  it('does not leak a token echoed in the Content-Type of a body over maxResponseBytes', async () => {
    const client = new CincopaClient({
      apiToken: TOKEN,
      retry: false,
      maxResponseBytes: 1_000,
      fetch: scriptedFetch(
        () =>
          new Response('x'.repeat(5_000), {
            headers: { 'content-type': `application/json; note=${encodeURIComponent(TOKEN)}` },
          }),
      ).fetch,
    });

    const error = await expectFailure(client.getAssetVersions('R'));

    expect(error.code).toBe('invalid_response');
    expect(findCanary(TOKEN, exposedTexts(error))).toEqual([]);
  });

  it.each([
    [
      'a message getter that throws the URL',
      (url: string) =>
        Object.defineProperty(new Error(), 'message', {
          get: () => {
            throw new Error(url);
          },
        }),
    ],
    ['an object without a prototype', () => Object.create(null) as unknown],
    ['an object whose toString gives the URL', (url: string) => ({ toString: () => url })],
    [
      'a Proxy whose prototype cannot be read',
      (url: string) =>
        new Proxy(
          {},
          {
            getPrototypeOf() {
              throw new Error(url);
            },
          },
        ),
    ],
    [
      'a revoked Proxy',
      () => {
        const { proxy, revoke } = Proxy.revocable({}, {});
        revoke();
        return proxy;
      },
    ],
    ['an error with a huge message', (url: string) => new Error(`${url} `.repeat(20_000))],
  ])('turns a custom fetch throwing %s into a masked network error', async (_name, thrown) => {
    const client = new CincopaClient({
      apiToken: TOKEN,
      retry: false,
      fetch: async (input) => {
        throw thrown(input instanceof Request ? input.url : String(input));
      },
    });

    const error = await expectFailure(client.getAssetVersions('R'));

    expect(error.code).toBe('network');
    expect(error.message.length).toBeLessThan(300);
    expect(findCanary(TOKEN, exposedTexts(error))).toEqual([]);
  });

  it.each([
    ['from CINCOPA_API_TOKEN, 2400 characters', 'S3CR3T'.repeat(400)],
    ['from CINCOPA_API_TOKEN, 300,000 characters', 'a'.repeat(300_000)],
    ['from CINCOPA_API_TOKEN, two lines', 'abc\ndef'],
  ])('refuses a malformed token %s before any request, without quoting it', (_name, token) => {
    vi.stubEnv('CINCOPA_API_TOKEN', token);
    const calls = scriptedFetch(() => jsonReply({ success: true, items: [] }));

    const error = (() => {
      try {
        return new CincopaClient({ fetch: calls.fetch });
      } catch (caught) {
        return caught;
      }
    })() as Error & { code?: string };

    expect(error.code).toBe('invalid_request');
    expect(error.message).toContain('CINCOPA_API_TOKEN');
    expect(error.message).not.toContain(token.slice(0, 12));
    vi.unstubAllEnvs();
  });

  it('masks with a token of 300,000 characters without overflowing the stack', () => {
    const token = `é${'a'.repeat(300_000)}`;

    expect(createTokenMasker(token)(`<${token}>`)).toBe('<***>');
  });

  it('does not leak a non-ASCII token echoed in the Content-Type header', async () => {
    const headerValue = String.fromCharCode(...new TextEncoder().encode(`text/html; t=${TOKEN}`));
    const client = clientAnswering(
      () => new Response('<b>Notice</b>', { headers: { 'content-type': headerValue } }),
    );

    const error = await expectFailure(client.getAssetVersions('R'));

    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('`text/html; t=***`');
    expect(findCanary(TOKEN, exposedTexts(error))).toEqual([]);
  });

  it('does not print a token set with surrounding spaces in the CLI report', async () => {
    const echo = { success: true, items: [{ rid: 'R', filename: `${TOKEN}.mp4` }] };
    vi.stubGlobal('fetch', scriptedFetch(() => jsonReply(echo)).fetch);
    const run = captureCli({ CINCOPA_API_TOKEN: ` ${TOKEN}\t` });

    const exit = await runCli(['get', 'R', '--base-url', 'http://127.0.0.1:9/v2/'], run.io);

    expect(exit).toBe(0);
    expect(run.stdout()).toContain('R  ***.mp4');
    expect(findCanary(TOKEN, [run.stdout(), run.stderr()])).toEqual([]);
  });

  it('does not show the start of a token cut by the end of the excerpt window', async () => {
    const shown: string[] = [];

    for (let padding = 0; padding < 17_000; padding += 89) {
      const body = `${' '.repeat(padding)}${TOKEN} ${' '.repeat(17_000)}`;
      const error = await expectFailure(
        clientAnswering(() => new Response(body)).getAssetVersions('R'),
      );
      if (error.excerpt?.includes(TOKEN.slice(0, 4))) shown.push(`${padding}: ${error.excerpt}`);
    }

    expect(shown).toEqual([]);
  });

  it('does not show the start of the longest spelling of the longest token cut by the window', async () => {
    const token = `${'😀&é/"'.repeat(170)}xxxx`; // 6 UTF-16 units × 170 + 4
    const spelling = encodeURIComponent(encodeURIComponent(token));
    const shown: string[] = [];

    for (let padding = 16_000 - spelling.length - 50; padding < 16_050; padding += 211) {
      const body = `${'.'.repeat(padding)}${spelling}${'.'.repeat(20_000)}`;
      const client = new CincopaClient({
        apiToken: token,
        retry: false,
        fetch: scriptedFetch(() => new Response(body)).fetch,
      });
      const error = await expectFailure(client.getAssetVersions('R'));
      if (error.excerpt?.includes(spelling.slice(0, 12))) shown.push(`${padding}`);
    }

    expect(token).toHaveLength(1_024);
    expect(shown).toEqual([]);
  });

  it('does not show the start of a token of 3-byte characters encoded twice, cut by the window', async () => {
    const token = '€'.repeat(1_024);
    const spelling = encodeURIComponent(encodeURIComponent(token));
    const shown: string[] = [];

    for (let padding = 0; padding < 28_050; padding += 997) {
      const body = `E${' '.repeat(padding)}${spelling}${'.'.repeat(40_000)}`;
      const client = new CincopaClient({
        apiToken: token,
        retry: false,
        fetch: scriptedFetch(() => new Response(body, { status: 500 })).fetch,
      });
      const error = await expectFailure(client.getAssetVersions('R'));
      if (error.excerpt?.includes('%25E2%2582%25AC')) shown.push(`${padding}`);
    }

    expect(shown).toEqual([]);
  });

  it('refuses a token longer than 1024 characters before any request, without quoting it', async () => {
    const token = `a&'"<>*/~+%= é😀`.repeat(700);
    const calls = scriptedFetch(() => jsonReply({ success: true, items: [] }));

    const error = (() => {
      try {
        return new CincopaClient({ apiToken: token, fetch: calls.fetch });
      } catch (caught) {
        return caught;
      }
    })() as Error & { code?: string };

    expect(error.code).toBe('invalid_request');
    expect(error.message.length).toBeLessThan(300);
    expect(findCanary(token, exposedTexts(error))).toEqual([]);
  });

  it('masks a token of thousands of special characters without a regular expression error', () => {
    const token = `a&'"<>*/~+%= é😀`.repeat(700);
    const mask = createTokenMasker(token);

    const text = `before ${JSON.stringify(token)} and ${encodeURIComponent(token)} after`;

    expect(mask(text)).toBe('before "***" and *** after');
  });

  it.each([
    ['a table that escapes a tab', ['audit'], 'tok\ten"x9'],
    ['a text report that escapes a tab', ['get', 'R'], 'tok\ten"x9'],
    ['CSV that doubles a quote', ['audit', '--format', 'csv'], 'tok"en\u00e9x9'],
  ])('does not print a token spelled as %s', async (_name, args, token) => {
    const body = {
      success: true,
      items: [{ rid: 'R', filename: `${token}.mp4` }],
      items_data: { page: 1, items_per_page: 50, items_count: 1, pages_count: 1 },
    };
    vi.stubGlobal('fetch', scriptedFetch(() => jsonReply(body)).fetch);
    const run = captureCli({ CINCOPA_API_TOKEN: token });

    const exit = await runCli([...args, '--base-url', 'http://127.0.0.1:9/v2/'], run.io);

    expect(exit).toBe(0);
    expect(run.stdout()).toContain('***.mp4');
    expect(findCanary(token, [run.stdout(), run.stderr()])).toEqual([]);
  });
});
