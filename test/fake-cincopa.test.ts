import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { CincopaClient, CincopaError } from '../src/index.js';
import { type FakeCincopa, helpArticleAsset, startFakeCincopa } from '../src/testing/index.js';

describe('startFakeCincopa', () => {
  let server: FakeCincopa;
  let client: CincopaClient;
  const assets = [
    helpArticleAsset,
    ...Array.from({ length: 4 }, (_, index) => ({
      rid: `R${index}`,
      type: index % 2 ? 'image' : 'video',
      filename: `clip-${index}.mp4`,
      tags: index === 3 ? ',intro,' : '',
      attached: [{ type: 'ver-1', filesize: 10 }],
    })),
  ];

  beforeAll(async () => {
    server = await startFakeCincopa({ assets });
    client = new CincopaClient({ apiToken: server.token, baseUrl: server.baseUrl, retry: false });
  });

  afterAll(async () => {
    await server.close();
  });

  it("serves the help article's asset to getAssetVersions over loopback", async () => {
    const result = await client.getAssetVersions('ASSET_RID');

    expect(result.versions.map((version) => version.label)).toEqual(['ver-1']);
    expect(server.requests.at(-1)?.url).toContain('api_token=***');
  });

  it('leaves attachment lists out unless details asks for them', async () => {
    const page = await client.listAssetsPage({ rid: 'R0' });

    expect(page.assets[0]?.attached).toBeUndefined();
  });

  it('pages through the assets with items_data', async () => {
    const page = await client.listAssetsPage({ page: 2, itemsPerPage: 2 });

    expect(page.assets.map((asset) => asset.rid)).toEqual(['R1', 'R2']);
    expect(page.pagination).toEqual({ page: 2, itemsPerPage: 2, itemsCount: 5, pagesCount: 3 });
  });

  it('filters by type, tag and search', async () => {
    const images = await client.listAssetsPage({ type: 'image' });
    const tagged = await client.listAssetsPage({ tag: 'intro' });
    const searched = await client.listAssetsPage({ search: 'clip-2' });

    expect(images.assets.map((asset) => asset.rid)).toEqual(['R1', 'R3']);
    expect(tagged.assets.map((asset) => asset.rid)).toEqual(['R3']);
    expect(searched.assets.map((asset) => asset.rid)).toEqual(['R2']);
  });

  it('rejects a wrong token with HTTP 403, as auth_failed', async () => {
    const stranger = new CincopaClient({ apiToken: 'wrong', baseUrl: server.baseUrl });

    const error = await stranger.getAssetVersions('ASSET_RID').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(CincopaError);
    expect((error as CincopaError).code).toBe('auth_failed');
    expect(server.requests.at(-1)?.authorized).toBe(false);
  });
});
