// The main job on the embedded sample account: a fake Cincopa on loopback serving the help
// article's asset and a generated account of a few thousand assets, audited through the real
// CLI. No token of yours and no network are needed.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
if (!existsSync(cli)) {
  console.error('dist/ is missing: run `npm install` (it builds the package) or `npm run build`.');
  process.exit(1);
}
const { generateAccount, helpArticleAsset, startFakeCincopa } = await import('../dist/testing.js');

const TABLE_ROWS_SHOWN = 12;
const account = generateAccount({ count: 3000, seed: 42 });
const assets = [helpArticleAsset, ...account.assets];
// A little latency, so that the progress bar has something to show.
const server = await startFakeCincopa({ assets, latencyMs: 20 });

/** Runs the CLI beside the server (which answers from this process) and collects stdout. */
function cincopaVersions(args) {
  console.log(`$ cincopa-versions ${args.join(' ')}`);
  const child = spawn(process.execPath, [cli, ...args, '--base-url', server.baseUrl], {
    env: { ...process.env, CINCOPA_API_TOKEN: server.token },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const chunks = [];
  child.stdout.on('data', (chunk) => chunks.push(chunk));
  return new Promise((resolve) => {
    child.on('close', (status) => {
      if (status !== 0) process.exitCode = status ?? 1;
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}

function shortenTable(output) {
  const [table, summary = ''] = output.split('\n\nSummary\n');
  const rows = table.split('\n');
  const hidden = rows.length - 1 - TABLE_ROWS_SHOWN;
  const shown = rows.slice(0, TABLE_ROWS_SHOWN + 1).join('\n');
  const more =
    hidden > 0 ? `\n… ${hidden} more rows (--format csv --output audit.csv keeps them all)` : '';
  return `${shown}${more}\n\nSummary\n${summary}`;
}

try {
  process.stdout.write(await cincopaVersions(['get', helpArticleAsset.rid]));
  console.log();

  server.requests.length = 0;
  const audit = await cincopaVersions(['audit', '--concurrency', '4']);
  process.stdout.write(shortenTable(audit));

  // The help article's asset adds one asset with one version and no unknown size.
  const { totals } = account;
  const pages = Math.ceil(assets.length / 50);
  console.log();
  console.log(
    `${server.requests.length} requests for ${assets.length} assets at 50 per page (${pages} pages).`,
  );
  console.log(
    `The generator's own count: ${totals.assets + 1} assets, ${totals.assetsWithVersions + 1} with versions, ` +
      `${totals.versions + 1} versions, ${totals.unknownSizes} unknown sizes, ${totals.versionsUnknown} without details.`,
  );
} finally {
  await server.close();
}
