import { describe, expect, it } from 'vitest';

import { CincopaClient } from '../../src/index.js';
import { scriptedFetch } from '../support/scripted-fetch.js';
import { expectFailure } from '../support/expect-failure.js';

function clientAnswering(body: string) {
  const reply = () => new Response(body, { headers: { 'content-type': 'application/json' } });
  return new CincopaClient({ apiToken: 'hostile-token', fetch: scriptedFetch(reply).fetch });
}

describe('hostile responses found by the mutation property', () => {
  it('rejects a deeply nested size with validation_failed, not a stack overflow', async () => {
    const nested = `${'['.repeat(100_000)}1${']'.repeat(100_000)}`;
    const client = clientAnswering(`{"success":true,"items":[{"rid":"R","filesize":${nested}}]}`);

    const error = await expectFailure(client.getAssetVersions('R'));

    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('`items[0].filesize`');
  });

  it.each([
    ['a size', (huge: string) => ({ success: true, items: [{ rid: 'R', filesize: huge }] })],
    [
      'a rendition key',
      (huge: string) => ({ success: true, items: [{ rid: 'R', versions: { [huge]: 1 } }] }),
    ],
    ['a success: false message', (huge: string) => ({ success: false, message: huge })],
    ['the rid of another asset', (huge: string) => ({ success: true, items: [{ rid: huge }] })],
  ])('keeps the message a few lines long when %s is megabytes of text', async (_name, body) => {
    const client = clientAnswering(JSON.stringify(body('x'.repeat(4_000_000))));

    const error = await expectFailure(client.getAssetVersions('R'));

    expect(error.message.length).toBeLessThan(1_000);
  });
});
