// The main job on the embedded sample: a fake Cincopa on loopback serving the help
// article's asset and a small generated account, queried through the real CLI.
// No token of yours and no network are needed.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('dist/ is missing: run `npm install` (it builds the package) or `npm run build`.');
  process.exit(1);
}
const { generateAccount, helpArticleAsset, startFakeCincopa } = await import('../dist/testing.js');

const account = generateAccount({ count: 20, seed: 42 });
const server = await startFakeCincopa({ assets: [helpArticleAsset, ...account.assets] });
const versioned = account.assets.find(
  (asset) => Array.isArray(asset.attached) && asset.attached.length > 2,
);

try {
  for (const rid of [helpArticleAsset.rid, versioned?.rid].filter(Boolean)) {
    console.log(`$ cincopa-versions get ${rid}`);
    // The server lives in this process, so the CLI must run beside it, not block it.
    const child = spawn(process.execPath, [cli, 'get', rid, '--base-url', server.baseUrl], {
      env: { ...process.env, CINCOPA_API_TOKEN: server.token },
      stdio: 'inherit',
    });
    const [status] = await once(child, 'exit');
    if (status !== 0) process.exitCode = status ?? 1;
    console.log();
  }
} finally {
  await server.close();
}
