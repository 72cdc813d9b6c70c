// Runs the installed `cincopa-versions` bin, through its shebang, against the fake Cincopa.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { helpArticleAsset, startFakeCincopa } from '@org/cincopa-versions/testing';

const bin = fileURLToPath(new URL('./node_modules/.bin/cincopa-versions', import.meta.url));

const server = await startFakeCincopa({ assets: [helpArticleAsset] });
try {
  // Asynchronous on purpose: the server answers from this process.
  const { stdout } = await promisify(execFile)(
    bin,
    ['get', 'ASSET_RID', '--json', '--base-url', server.baseUrl],
    { env: { ...process.env, CINCOPA_API_TOKEN: server.token } },
  );
  const report = JSON.parse(stdout);

  assert.deepEqual(
    report.versions.map((version) => version.label),
    ['ver-1'],
  );
  assert.ok(!stdout.includes(server.token));
  console.log(`cli: ${report.rid} has ${report.versions.length} version`);
} finally {
  await server.close();
}
