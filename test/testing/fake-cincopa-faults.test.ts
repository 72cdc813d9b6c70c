import { afterEach, describe, expect, it } from 'vitest';

import { CincopaError, RateLimitedError } from '../../src/index.js';
import { type FakeCincopaOptions, generateAccount } from '../../src/testing/index.js';
import { BACKENDS, type Backend, startBackend } from '../support/fake-backends.js';
import { expectFailure } from '../support/expect-failure.js';

const assets = generateAccount({ count: 30, seed: 5 }).assets;

describe.each(BACKENDS)('the %s fake Cincopa', (kind) => {
  let backend: Backend | undefined;

  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  async function serve(options: FakeCincopaOptions) {
    backend = await startBackend(kind, { assets, ...options }, { retry: false });
    return backend;
  }

  it('answers 429 with the Retry-After it was given', async () => {
    const { client } = await serve({
      faults: [{ fault: { kind: 'status', status: 429, retryAfter: '7' } }],
    });

    const error = await expectFailure(client.listAssetsPage());

    expect(error).toBeInstanceOf(RateLimitedError);
    expect((error as RateLimitedError).retryAfterMs).toBe(7000);
  });

  it.each([500, 502, 503])('answers HTTP %d with success: false', async (status) => {
    const { client } = await serve({ faults: [{ fault: { kind: 'status', status } }] });

    const error = await expectFailure(client.listAssetsPage());

    expect(error).toMatchObject({ code: 'server_error', status });
  });

  it('resets the connection', async () => {
    const { client } = await serve({ faults: [{ fault: { kind: 'reset' } }] });

    const error = await expectFailure(client.listAssetsPage());

    expect(error.code).toBe('network');
  });

  it('sends a raw body, such as a PHP notice before the JSON', async () => {
    const { client } = await serve({
      faults: [
        { fault: { kind: 'raw', body: '<b>Notice</b>: Undefined index\n{"success":true}' } },
      ],
    });

    const error = await expectFailure(client.listAssetsPage());

    expect(error.code).toBe('invalid_response');
  });

  it('strikes a rule `times` times, then answers normally', async () => {
    const { client, requests } = await serve({
      faults: [{ page: 2, times: 2, fault: { kind: 'status', status: 503 } }],
    });

    const answers = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      answers.push(
        await client.listAssetsPage({ page: 2 }).then(
          () => 'ok',
          (error: CincopaError) => error.code,
        ),
      );
    }
    await client.listAssetsPage({ page: 1 });

    expect(answers).toEqual(['server_error', 'server_error', 'ok']);
    expect(requests.map((request) => request.fault)).toEqual(['status', 'status', null, null]);
  });

  it('strikes the nth request, counting every method', async () => {
    const { client } = await serve({
      faults: [{ request: 2, method: 'ping.json', fault: { kind: 'status', status: 500 } }],
    });

    await client.listAssetsPage();
    const error = await expectFailure(client.ping());

    expect(error.status).toBe(500);
  });

  it('logs each request with the token masked', async () => {
    const { client, requests } = await serve({});

    await client.listAssetsPage({ type: 'video' });

    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'GET', authorized: true, fault: null });
    expect(requests[0]?.url).toMatch(/^\/v2\/asset\.list\.json\?api_token=\*\*\*&type=video/);
    expect(requests[0]?.query.has('api_token')).toBe(false);
  });

  it('answers 404 for an unknown method', async () => {
    const { client } = await serve({});
    const url = client.describeRequest().replace('asset.list.json', 'asset.nothing.json');

    const status = await fetch(url).then((response) => response.status);

    expect(status).toBe(404);
  });
});

describe('chaos', () => {
  let backend: Backend | undefined;

  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  async function faultsOf(concurrency: number): Promise<string[]> {
    backend = await startBackend('loopback', {
      assets: generateAccount({ count: 400, seed: 9 }).assets,
      chaos: { seed: 77, rate: 0.4 },
    });
    for await (const _asset of backend.client.listAssets({ itemsPerPage: 20 }, { concurrency })) {
      // drain
    }
    const struck = backend.requests
      .filter((request) => request.fault !== null)
      .map((request) => `${request.query.get('page')}:${request.fault}`)
      .sort();
    await backend.close();
    backend = undefined;
    return struck;
  }

  it('strikes the same requests whatever their arrival order', async () => {
    const sequential = await faultsOf(1);
    const concurrent = await faultsOf(8);

    expect(concurrent).toEqual(sequential);
    expect(sequential.length).toBeGreaterThan(2);
  });

  it('strikes one request at most `maxPerRequest` times', async () => {
    backend = await startBackend('loopback', {
      assets,
      chaos: { seed: 1, rate: 1, maxPerRequest: 2, faults: [{ kind: 'status', status: 503 }] },
    });

    const page = await backend.client.listAssetsPage();

    expect(page.assets).toHaveLength(30);
    expect(backend.requests.map((request) => request.fault)).toEqual(['status', 'status', null]);
  });
});
