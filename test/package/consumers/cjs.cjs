// A CommonJS consumer of the packed tarball. Run also with --no-experimental-require-module,
// as on Node 20 before 20.19, where require() of an ESM file throws ERR_REQUIRE_ESM.
const assert = require('node:assert/strict');

const {
  ApiError,
  CincopaClient,
  CincopaError,
  getAssetVersions,
} = require('@org/cincopa-versions');
const { helpArticleAsset, startFakeCincopa } = require('@org/cincopa-versions/testing');

async function main() {
  assert.match(require.resolve('@org/cincopa-versions'), /[/\\]dist[/\\]index\.cjs$/);
  // msw itself requires an ESM-only dependency (rettime), so the msw entry loads from
  // CommonJS only where Node can require() ESM: 20.19+, 22.12+, and not under the flag.
  const mswEntry = process.features.require_module ? 'and testing/msw' : 'without testing/msw';
  if (process.features.require_module) {
    const { cincopaHandlers } = require('@org/cincopa-versions/testing/msw');
    assert.equal(typeof cincopaHandlers, 'function');
  }

  const server = await startFakeCincopa({ assets: [helpArticleAsset] });
  try {
    const options = { apiToken: server.token, baseUrl: server.baseUrl };
    const result = await getAssetVersions('ASSET_RID', options);
    const error = await new CincopaClient(options).getAssetVersions('NO_SUCH_RID').catch((e) => e);

    assert.deepEqual(
      result.versions.map((version) => version.label),
      ['ver-1'],
    );
    assert.ok(error instanceof ApiError && error instanceof CincopaError);
    assert.equal(error.code, 'asset_not_found');
    console.log(
      `cjs ${process.version}: ${result.versions[0].label}, then ${error.code} (${mswEntry})`,
    );
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
