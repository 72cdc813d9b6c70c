import { describe, expect, it } from 'vitest';

import { CincopaClient, CincopaError } from '../../src/index.js';
import { scriptedFetch } from '../support/scripted-fetch.js';

function clientAnswering(body: string) {
  const reply = () => new Response(body, { headers: { 'content-type': 'application/json' } });
  return new CincopaClient({ apiToken: 'hostile-token', fetch: scriptedFetch(reply).fetch });
}

async function failure(promise: Promise<unknown>): Promise<CincopaError> {
  const error = await promise.then(
    () => expect.fail('expected the call to fail'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CincopaError);
  return error as CincopaError;
}

describe('hostile responses found by the mutation property', () => {
  it('rejects a deeply nested size with validation_failed, not a stack overflow', async () => {
    const nested = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const client = clientAnswering(`{"success":true,"items":[{"rid":"R","filesize":${nested}}]}`);

    const error = await failure(client.getAssetVersions('R'));

    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('`items[0].filesize`');
  });
});
