// Runs every benchmark against the fake server on 127.0.0.1, prints each ratio beside its
// target and writes the results into docs/benchmarks.md. Started by `npm run bench`.
import path from 'node:path';

import { generateAccount } from '../../src/testing/index.js';
import { measureAuditMemory } from './audit-memory.bench.js';
import { measureAuditRequests } from './audit-requests.bench.js';
import { measureAuditJitteredWallTime, measureAuditWallTime } from './audit-wall-time.bench.js';
import { measureOneAsset } from './one-asset.bench.js';
import { measurePageWithDetails } from './page-with-details.bench.js';
import type { Figure } from './support/figure.js';
import { describeRun } from './support/machine.js';
import { formatForDocs, formatForTerminal, writeResults } from './support/report.js';
import { startServerProcess } from './support/server-process.js';
import { measureValidation } from './validation-throughput.bench.js';

const ACCOUNT = { count: 1000, seed: 7 };
const DOCS_FILE = path.join(process.cwd(), 'docs', 'benchmarks.md');

// `npm run bench -- --only <text>` runs only the measures whose name contains the text, and
// leaves docs/benchmarks.md alone: for trying a change, not for the record.
const only = onlyArgument(process.argv.slice(2));

async function main(): Promise<void> {
  const figures: Figure[] = [];
  const server = await startServerProcess(ACCOUNT);
  try {
    await step(figures, 'one asset', () => measureOneAsset(server, versionedRid()));
    await step(figures, '500-asset page', () => measurePageWithDetails(server));
    await step(figures, 'validation', () => measureValidation(server));
  } finally {
    await server.close();
  }
  await step(figures, 'audit requests', measureAuditRequests);
  for (const concurrency of [4, 8]) {
    await step(figures, `audit wall time, C=${concurrency}`, () =>
      measureAuditWallTime(concurrency),
    );
  }
  await step(figures, 'audit wall time, uneven latency, C=4', () =>
    measureAuditJitteredWallTime(4),
  );
  await step(figures, 'audit peak RSS', measureAuditMemory);

  console.log(`\n${formatForTerminal(figures)}\n`);
  if (only !== undefined) return;
  await writeResults(DOCS_FILE, formatForDocs(figures, describeRun(), new Date()));
  console.log(`Results written to ${path.relative(process.cwd(), DOCS_FILE)}.`);
}

function onlyArgument(args: readonly string[]): string | undefined {
  const at = args.indexOf('--only');
  if (at === -1) return undefined;
  const text = args[at + 1];
  if (!text) throw new Error("`--only` needs the text of a measure's name.");
  return text;
}

async function step(
  figures: Figure[],
  name: string,
  measure: () => Promise<Figure>,
): Promise<void> {
  if (only !== undefined && !name.includes(only)) return;
  const started = performance.now();
  process.stdout.write(`${name}… `);
  const figure = await measure();
  console.log(
    `${figure.ratio.toFixed(2)}× (${((performance.now() - started) / 1000).toFixed(1)} s)`,
  );
  figures.push(figure);
}

// An asset with an original and several versions: the case `getAssetVersions` exists for.
function versionedRid(): string {
  const { assets } = generateAccount(ACCOUNT);
  const asset = assets.find(
    (candidate) => Array.isArray(candidate['attached']) && candidate['attached'].length >= 4,
  );
  if (!asset) throw new Error('The generated account has no asset with versions.');
  return asset.rid;
}

await main();
