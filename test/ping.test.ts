import { afterEach, describe, expect, it } from 'vitest';

import { ApiError, CincopaClient, pingResponseSchema } from '../src/index.js';
import { BACKENDS, type Backend, startBackend } from './support/fake-backends.js';

describe.each(BACKENDS)('ping against the %s fake', (kind) => {
  let backend: Backend | undefined;

  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  it('returns the account and the permissions as a list', async () => {
    backend = await startBackend(kind, { permissions: 'asset.read, asset.write' });

    const result = await backend.client.ping();

    expect(result).toMatchObject({ success: true, accid: 'FAKE' });
    expect(result.permissions).toEqual(['asset.read', 'asset.write']);
    expect(backend.requests.map((request) => request.url)).toEqual(['/v2/ping.json?api_token=***']);
  });

  it('rejects a refused token with auth_failed', async () => {
    backend = await startBackend(kind, {}, { apiToken: 'a-refused-token' });

    const error = await backend.client.ping().catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('auth_failed');
  });

  it('rejects `success: false` on HTTP 200 with api_error, without retrying', async () => {
    backend = await startBackend(kind, {
      faults: [
        {
          method: 'ping.json',
          fault: { kind: 'rewrite', rewrite: () => ({ success: false, message: 'Token expired' }) },
        },
      ],
    });

    const error = await backend.client.ping().catch((reason: unknown) => reason);

    expect((error as ApiError).code).toBe('api_error');
    expect((error as ApiError).message).toContain('"Token expired"');
    expect(backend.requests).toHaveLength(1);
  });
});

describe('pingResponseSchema', () => {
  it('reads a list of permissions, and a missing one as null', () => {
    expect(pingResponseSchema.parse({ success: true, permissions: ['all'] }).permissions).toEqual([
      'all',
    ]);
    expect(pingResponseSchema.parse({ success: true, accid: 12 })).toEqual({
      success: true,
      accid: '12',
      permissions: null,
    });
  });

  it('is what CincopaClient.ping parses with', () => {
    expect(typeof new CincopaClient({ apiToken: 't' }).ping).toBe('function');
  });
});
