import { afterEach, describe, expect, it } from 'vitest';

import { InvalidRequestError, TransportError } from '../src/index.js';
import { buildAsset, helpArticleAsset } from '../src/testing/index.js';
import { type Backend, startBackend } from './support/fake-backends.js';

const assets = [helpArticleAsset, buildAsset('TWO', { versions: [10, 20] }), buildAsset('NONE')];

describe('getAssetVersionsMany', () => {
  let backend: Backend | undefined;

  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  it('returns one outcome per rid, in input order, with failures beside results', async () => {
    backend = await startBackend('loopback', { assets });

    const outcomes = await backend.client.getAssetVersionsMany(['TWO', 'MISSING', 'ASSET_RID']);

    expect(outcomes.map((outcome) => [outcome.rid, outcome.ok])).toEqual([
      ['TWO', true],
      ['MISSING', false],
      ['ASSET_RID', true],
    ]);
    const [two, missing] = outcomes;
    expect(two?.ok && two.result.versions.map((version) => version.filesize)).toEqual([10, 20]);
    expect(!missing?.ok && missing?.error.code).toBe('asset_not_found');
  });

  it('sends one request per distinct rid', async () => {
    backend = await startBackend('loopback', { assets });

    const outcomes = await backend.client.getAssetVersionsMany(['TWO', 'TWO', 'NONE']);

    expect(outcomes.map((outcome) => outcome.rid)).toEqual(['TWO', 'TWO', 'NONE']);
    expect(backend.requests).toHaveLength(2);
  });

  it('fails a malformed rid alone, without sending it', async () => {
    backend = await startBackend('loopback', { assets });

    const outcomes = await backend.client.getAssetVersionsMany(['has space', 'NONE']);

    expect(outcomes[0]).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(outcomes[1]).toMatchObject({ ok: true });
    expect(backend.requests.map((request) => request.query.get('rid'))).toEqual(['NONE']);
  });

  it('never has more lookups in flight than `concurrency`', async () => {
    let inFlight = 0;
    let most = 0;
    const many = Array.from({ length: 12 }, (_, index) => buildAsset(`R${index}`));
    const hooks = {
      onRequest: () => void (most = Math.max(most, ++inFlight)),
      onResponse: () => void inFlight--,
    };
    backend = await startBackend('loopback', { assets: many, latencyMs: 5 }, { hooks });

    const outcomes = await backend.client.getAssetVersionsMany(
      many.map((asset) => asset.rid),
      { concurrency: 3 },
    );

    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(most).toBeLessThanOrEqual(3);
  });

  it("hangs one listener on the caller's signal, whatever the concurrency", async () => {
    const many = Array.from({ length: 20 }, (_, index) => buildAsset(`R${index}`));
    backend = await startBackend('loopback', { assets: many, latencyMs: 5 });
    const controller = new AbortController();
    let listeners = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = (...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    };

    await backend.client.getAssetVersionsMany(
      many.map((asset) => asset.rid),
      { concurrency: 16, signal: controller.signal },
    );

    expect(listeners).toBe(1);
  });

  it('rejects with `aborted` and starts nothing more once the caller aborts', async () => {
    const many = Array.from({ length: 12 }, (_, index) => buildAsset(`R${index}`));
    const controller = new AbortController();
    // The server aborts the caller as the second request arrives, before answering either.
    backend = await startBackend('loopback', {
      assets: many,
      latencyMs: 1_000,
      onRequest: () => {
        if (backend?.requests.length === 2) controller.abort();
      },
    });

    const error = await backend.client
      .getAssetVersionsMany(
        many.map((asset) => asset.rid),
        { concurrency: 2, signal: controller.signal },
      )
      .catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(TransportError);
    expect((error as TransportError).code).toBe('aborted');
    expect(backend.requests).toHaveLength(2);
  });

  it('rejects malformed input before any request', async () => {
    backend = await startBackend('loopback', { assets });
    const { client } = backend;

    await expect(client.getAssetVersionsMany('TWO' as never)).rejects.toThrow(InvalidRequestError);
    await expect(client.getAssetVersionsMany(['TWO'], { concurrency: 0 })).rejects.toThrow(
      /`concurrency`: must be 1 or more/,
    );
    expect(backend.requests).toHaveLength(0);
  });
});
