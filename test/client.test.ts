import { describe, expect, it } from 'vitest';

import {
  ApiError,
  CincopaClient,
  InvalidRequestError,
  InvalidResponseError,
  getAssetVersions,
} from '../src/index.js';
import {
  HttpResponse,
  TEST_TOKEN,
  assetListHandler,
  fixtureJson,
  fixtureText,
  listBody,
} from './support/cincopa-mocks.js';
import { mswServer } from './support/msw-server.js';
import { expectFailure } from './support/expect-failure.js';

function client(options = {}) {
  return new CincopaClient({
    apiToken: TEST_TOKEN,
    retry: { baseDelay: 1, maxDelay: 5 },
    ...options,
  });
}

function serve(body: unknown, init?: ResponseInit) {
  const mock = assetListHandler(() => HttpResponse.json(body as never, init));
  mswServer.use(mock.handler);
  return mock;
}

describe('CincopaClient.getAssetVersions', () => {
  it("returns the help article's one version, original and three renditions", async () => {
    const mock = serve(fixtureJson('help-article-asset.json'));

    const result = await client().getAssetVersions('ASSET_RID');

    expect(result.rid).toBe('ASSET_RID');
    expect(result.versions.map((version) => [version.label, version.filesize])).toEqual([
      ['ver-1', 123456789],
    ]);
    expect(result.original?.filename).toBe('sample_original_video.mp4');
    expect(result.renditions).toHaveLength(3);
    expect(result.asset.filename).toBe('sample_video_file.mp4');
    expect(mock.seen).toHaveLength(1);
  });

  it('asks for the asset by rid, with attachment details and the token, in one request', async () => {
    const mock = serve(fixtureJson('help-article-asset.json'));

    await client().getAssetVersions('ASSET_RID');

    const query = mock.seen[0]!.searchParams;
    expect(query.get('rid')).toBe('ASSET_RID');
    expect(query.get('api_token')).toBe(TEST_TOKEN);
    expect(query.get('details')?.split(',')).toEqual(
      expect.arrayContaining(['attached', 'attached_versions']),
    );
  });

  it('rejects with asset_not_found when no asset has the rid', async () => {
    serve(listBody([]));

    const error = await expectFailure(client().getAssetVersions('NOPE'));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('asset_not_found');
    expect(error.retryable).toBe(false);
  });

  it('rejects an answer about another asset instead of reporting its versions', async () => {
    serve(listBody([{ rid: 'OTHER', attached: [] }]));

    const error = await expectFailure(client().getAssetVersions('ASKED'));

    expect(error.code).toBe('validation_failed');
  });

  it.each([[''], ['   '], ['a b'], ['x\u0000y']])(
    'rejects the rid %j with invalid_request before any request',
    async (rid) => {
      const mock = serve(listBody([]));

      const error = await expectFailure(client().getAssetVersions(rid));

      expect(error).toBeInstanceOf(InvalidRequestError);
      expect(error.code).toBe('invalid_request');
      expect(mock.seen).toHaveLength(0);
    },
  );

  it('reads a body with a BOM and whitespace before the JSON', async () => {
    const body = `\uFEFF \n${fixtureText('help-article-asset.json')}`;
    mswServer.use(
      assetListHandler(
        () => new HttpResponse(body, { headers: { 'content-type': 'application/json' } }),
      ).handler,
    );

    const result = await client().getAssetVersions('ASSET_RID');

    expect(result.versions).toHaveLength(1);
  });
});

describe('CincopaClient response faults', () => {
  it('rejects success: false on HTTP 200 with api_error, the message, and one request (success-false-on-200)', async () => {
    const mock = serve(fixtureJson('success-false-on-200.json'));

    const error = await expectFailure(client().getAssetVersions('R1'));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('api_error');
    expect(error.status).toBe(200);
    expect(error.message).toContain('api_token is not valid');
    expect(mock.seen).toHaveLength(1);
  });

  it('rejects PHP notices before the JSON with invalid_response, once, never a SyntaxError (php-notice-before-json)', async () => {
    const mock = assetListHandler(
      () =>
        new HttpResponse(fixtureText('php-notice-before-json.txt'), {
          headers: { 'content-type': 'text/html; charset=UTF-8' },
        }),
    );
    mswServer.use(mock.handler);

    const error = await expectFailure(client().getAssetVersions('RIDF07AA'));

    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.code).toBe('invalid_response');
    expect(error.status).toBe(200);
    expect((error as InvalidResponseError).contentType).toBe('text/html; charset=UTF-8');
    expect(error.excerpt).toMatch(/^<br \/> <b>Notice<\/b>/);
    expect(error.excerpt!.length).toBeLessThanOrEqual(201);
    expect(error.message).toContain('text/html');
    expect(error.cause).toBeUndefined();
    expect(mock.seen).toHaveLength(1);
  });

  it('rejects a size like "12kb" with validation_failed and the path, without retrying', async () => {
    const body = fixtureJson('sizes-as-strings.json') as { items: { versions: any }[] };
    body.items[0]!.versions.mp4_hd.filesize = '12kb';
    const mock = serve(body);

    const error = (await expectFailure(
      client().getAssetVersions('RIDF01AA'),
    )) as InvalidResponseError;

    expect(error.code).toBe('validation_failed');
    expect(error.issues[0]?.path).toEqual(['items', 0, 'versions', 'mp4_hd', 'filesize']);
    expect(error.message).toBe(
      'Invalid response: `items[0].versions.mp4_hd.filesize`: Expected a size in bytes, received "12kb".',
    );
    expect(mock.seen).toHaveLength(1);
  });

  it('rejects a JSON body that is not an object with invalid_response', async () => {
    serve([1, 2]);

    const error = await expectFailure(client().getAssetVersions('R1'));

    expect(error.code).toBe('invalid_response');
  });

  it('rejects a body larger than maxResponseBytes with invalid_response', async () => {
    serve(listBody([{ rid: 'R1', caption: 'x'.repeat(5000) }]));

    const error = await expectFailure(client({ maxResponseBytes: 1000 }).getAssetVersions('R1'));

    expect(error.code).toBe('invalid_response');
    expect(error.message).toContain('maxResponseBytes');
  });
});

describe('CincopaClient options', () => {
  it('names both `apiToken` and CINCOPA_API_TOKEN when no token is configured', () => {
    expect(() => new CincopaClient()).toThrow(InvalidRequestError);
    expect(() => new CincopaClient()).toThrow(/`apiToken`.*`CINCOPA_API_TOKEN`/);
  });

  it('reads the token from CINCOPA_API_TOKEN', async () => {
    const mock = serve(fixtureJson('help-article-asset.json'));
    process.env['CINCOPA_API_TOKEN'] = 'from-env';
    try {
      await getAssetVersions('ASSET_RID');
    } finally {
      process.env['CINCOPA_API_TOKEN'] = '';
    }

    expect(mock.seen[0]?.searchParams.get('api_token')).toBe('from-env');
  });

  it.each([
    [{ timeout: 0 }],
    [{ timeout: 1.5 }],
    [{ retry: { limit: -1 } }],
    [{ baseUrl: 'not a url' }],
    [{ baseUrl: 'ftp://example.invalid/' }],
    [{ baseUrl: 'https://example.invalid/v2/?api_token=x' }],
    [{ unknownOption: true }],
  ])('rejects the malformed options %j with invalid_request', (options) => {
    expect(() => new CincopaClient({ apiToken: 't', ...options } as never)).toThrow(
      InvalidRequestError,
    );
  });

  it('describes a request with the token masked', () => {
    const url = client().describeRequest({ rid: 'R1', details: ['attached'] });

    expect(url).toBe(
      'https://api.cincopa.com/v2/asset.list.json?api_token=***&rid=R1&details=attached&items_per_page=50',
    );
  });

  it('hides the token from JSON.stringify and util.inspect', async () => {
    const { inspect } = await import('node:util');
    const instance = client();

    expect(JSON.stringify(instance)).not.toContain(TEST_TOKEN);
    expect(inspect(instance, { depth: null, showHidden: true })).not.toContain(TEST_TOKEN);
  });
});
