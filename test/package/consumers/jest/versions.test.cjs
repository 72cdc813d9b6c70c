// Jest runs CommonJS in its own module system, where require() of an ESM file fails on every
// Node version: this proves the CommonJS build carries ky inside it.
const { ApiError, getAssetVersions } = require('@org/cincopa-versions');
const { helpArticleAsset, startFakeCincopa } = require('@org/cincopa-versions/testing');

test('finds the versions of an asset through the CommonJS build', async () => {
  const server = await startFakeCincopa({ assets: [helpArticleAsset] });

  try {
    const result = await getAssetVersions('ASSET_RID', {
      apiToken: server.token,
      baseUrl: server.baseUrl,
    });
    const missing = getAssetVersions('NO_SUCH_RID', {
      apiToken: server.token,
      baseUrl: server.baseUrl,
    });

    expect(result.versions.map((version) => version.label)).toEqual(['ver-1']);
    await expect(missing).rejects.toBeInstanceOf(ApiError);
    // The premise: ky itself, ESM only, cannot be required here.
    expect(() => require('ky')).toThrow();
  } finally {
    await server.close();
  }
});
