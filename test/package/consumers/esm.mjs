// An ESM consumer of the packed tarball: finds the help article asset's version through the
// fake Cincopa on loopback, and checks that errors keep their classes across the boundary.
import assert from 'node:assert/strict';

import { ApiError, CincopaClient, CincopaError, getAssetVersions } from '@org/cincopa-versions';
import { helpArticleAsset, startFakeCincopa } from '@org/cincopa-versions/testing';
import { cincopaHandlers } from '@org/cincopa-versions/testing/msw';

assert.match(import.meta.resolve('@org/cincopa-versions'), /\/dist\/index\.js$/);
assert.equal(typeof cincopaHandlers, 'function');

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
  assert.ok(server.requests.every((request) => request.authorized));
  console.log(`esm ${process.version}: ${result.versions[0].label}, then ${error.code}`);
} finally {
  await server.close();
}
