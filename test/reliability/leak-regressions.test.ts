import { afterEach, describe, expect, it, vi } from 'vitest';

import { runCli } from '../../src/cli/run-cli.js';
import { CincopaClient } from '../../src/index.js';
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
    const token = `CANARY&x*y/é'<>"~ z`;
    for (const spelling of phpSpellings(token)) {
      const bodies = [
        () => new Response(`<p>bad token ${spelling}</p>`, { status: 500 }),
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

    for (let padding = 0; padding < 5_000; padding += 13) {
      const body = `${' '.repeat(padding)}${TOKEN} ${' '.repeat(5_000)}`;
      const error = await expectFailure(
        clientAnswering(() => new Response(body)).getAssetVersions('R'),
      );
      if (error.excerpt?.includes(TOKEN.slice(0, 4))) shown.push(`${padding}: ${error.excerpt}`);
    }

    expect(shown).toEqual([]);
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
