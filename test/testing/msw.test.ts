import { afterEach, describe, expect, it } from 'vitest';

import { CincopaClient, DEFAULT_BASE_URL } from '../../src/index.js';
import {
  type FakeCincopa,
  generateAccount,
  helpArticleAsset,
  startFakeCincopa,
} from '../../src/testing/index.js';
import { cincopaHandlers } from '../../src/testing/msw.js';
import { mswServer } from '../support/msw-server.js';

const assets = [helpArticleAsset, ...generateAccount({ count: 25, seed: 11 }).assets];

describe('cincopaHandlers', () => {
  let server: FakeCincopa | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('answers at the default API root with the token it accepts', async () => {
    const cincopa = cincopaHandlers({ assets });
    mswServer.use(...cincopa.handlers);
    const client = new CincopaClient({ apiToken: cincopa.token });

    const result = await client.getAssetVersions('ASSET_RID');

    expect(result.versions).toHaveLength(1);
    expect(cincopa.requests[0]?.url).toContain('/v2/asset.list.json?api_token=***');
    expect(client.describeRequest()).toContain(DEFAULT_BASE_URL);
  });

  it('answers at another API root when given one', async () => {
    const cincopa = cincopaHandlers({ assets, baseUrl: 'https://cincopa.example.invalid/api/v2' });
    mswServer.use(...cincopa.handlers);
    const client = new CincopaClient({
      apiToken: cincopa.token,
      baseUrl: 'https://cincopa.example.invalid/api/v2/',
    });

    const page = await client.listAssetsPage({ itemsPerPage: 10, page: 3 });

    expect(page.assets).toHaveLength(6);
  });

  it('sends the same bodies as the loopback server', async () => {
    server = await startFakeCincopa({ assets, pageSizeCap: 7 });
    const cincopa = cincopaHandlers({ assets, pageSizeCap: 7 });
    mswServer.use(...cincopa.handlers);
    const query = `api_token=${cincopa.token}&page=2&items_per_page=10&details=attached&type=video`;

    const [overLoopback, overMsw] = await Promise.all([
      fetch(`${server.baseUrl}asset.list.json?${query}`).then((response) => response.json()),
      fetch(`${DEFAULT_BASE_URL}asset.list.json?${query}`).then((response) => response.json()),
    ]);

    expect(overMsw).toEqual(overLoopback);
  });
});
