import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, describe, expect, it } from 'vitest';

import { CincopaClient } from '../src/index.js';
import { exposedTexts, findCanary } from './support/canary-spellings.js';
import { expectFailure } from './support/expect-failure.js';

const TOKEN = 'redirect-canary-token';

/** A loopback server answering every request with `answer`, recording what it was asked. */
async function serve(
  answer: (url: string) => { status: number; headers?: Record<string, string> },
) {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(request.url ?? '');
    const { status, headers } = answer(request.url ?? '');
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify({ success: true, items: [{ rid: 'R' }] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { server, seen, origin: `http://127.0.0.1:${port}` };
}

describe('redirects', () => {
  const servers: Server[] = [];

  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
  });

  it.each([301, 302, 307, 308])(
    'does not follow HTTP %d, so that the token never reaches the other host',
    async (status) => {
      const elsewhere = await serve(() => ({ status: 200 }));
      const api = await serve((url) => ({
        status,
        headers: { location: `${elsewhere.origin}/collect${url.slice(url.indexOf('?'))}` },
      }));
      servers.push(elsewhere.server, api.server);
      const client = new CincopaClient({ apiToken: TOKEN, baseUrl: `${api.origin}/v2/` });

      const error = await expectFailure(client.getAssetVersions('R'));

      expect(elsewhere.seen).toEqual([]);
      expect(api.seen).toHaveLength(1);
      expect(error.code).toBe('http_error');
      expect(error.status).toBe(status);
      expect(error.retryable).toBe(false);
      expect(error.message).toContain(
        `Redirect not followed: HTTP ${status} to "${elsewhere.origin}/collect?api_token=***`,
      );
      expect(findCanary(TOKEN, exposedTexts(error))).toEqual([]);
    },
  );

  it('refuses an answer that a custom fetch reached by following a redirect itself', async () => {
    const client = new CincopaClient({
      apiToken: TOKEN,
      retry: false,
      fetch: async () => {
        const response = Response.json({ success: true, items: [{ rid: 'R' }] });
        Object.defineProperty(response, 'redirected', { value: true });
        Object.defineProperty(response, 'url', {
          value: `http://127.0.0.1:9/x?api_token=${TOKEN}`,
        });
        return response;
      },
    });

    const error = await expectFailure(client.getAssetVersions('R'));

    expect(error.code).toBe('http_error');
    expect(error.message).toContain('Redirect followed by the custom `fetch`');
    expect(error.message).toContain('api_token=***');
    expect(findCanary(TOKEN, exposedTexts(error))).toEqual([]);
  });
});
