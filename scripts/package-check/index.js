// The packaging proof: packs the package, lints the tarball, measures the ESM entry and
// installs the tarball into consumer projects (ESM and CommonJS on Node 20, 22 and 24,
// TypeScript under three module resolutions, Jest, the CLI), each calling the fake Cincopa
// on loopback. Prints one line per check and fails if any check fails.
// Usage: npm run check:package [-- --keep]   (--keep leaves the temporary folder in place)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  consumerChecks,
  createConsumerProject,
  installConsumerProject,
  nodeBinary,
  runConsumerCheck,
} from './consumers.js';
import { publintProblems, runAttw } from './lint-package.js';
import { dryRunFiles, fileListProblems, packTarball, readManifest } from './pack.js';
import { SIZE_BUDGET_BYTES, describeSize, measureEntry } from './size.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const NODE_MAJORS = ['20', '22', '24'];
/** Two cores on CI: two checks at a time keeps each one's timing honest. */
const CONCURRENCY = 2;

const results = [];

/**
 * Runs one named step, records its outcome and duration, and never throws. Results are
 * reported in the order the steps started, whatever order they finish in.
 */
async function step(name, action) {
  const result = { name, ok: false, ms: 0, detail: 'did not finish' };
  results.push(result);
  const started = performance.now();
  try {
    result.detail = (await action()) ?? '';
    result.ok = true;
  } catch (error) {
    result.detail = error instanceof Error ? error.message : String(error);
  }
  result.ms = performance.now() - started;
}

async function main() {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'cincopa-package-check-'));
  try {
    await checkPackage(work);
  } finally {
    if (process.argv.includes('--keep')) console.log(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  report((performance.now() - started) / 1000);
}

async function checkPackage(work) {
  const manifest = readManifest(root);
  let pack;
  await step('npm pack (after a clean build)', async () => {
    pack = await packTarball(root, work);
    expectNone(fileListProblems(pack.files, manifest));
    return `${pack.files.length} files, ${(pack.packedBytes / 1024).toFixed(1)} KiB packed`;
  });
  if (!pack) return;
  await step('npm pack --dry-run file list', async () => {
    const files = await dryRunFiles(root);
    expectNone(fileListProblems(files, manifest));
    if (files.join() !== pack.files.join()) throw new Error('differs from the packed tarball');
    return `${files.length} files, the same as packed`;
  });

  const consumer = join(work, 'consumer');
  const nodes = {};
  let installed = false;
  await Promise.all([
    step('publint --strict', async () => expectNone(await publintProblems(pack.tarball))),
    step('@arethetypeswrong/cli', async () => expectSuccess(await runAttw(root, pack.tarball))),
    step('install the tarball into a consumer', async () => {
      createConsumerProject(consumer, pack.tarball, root);
      await installConsumerProject(consumer);
      installed = true;
    }),
    ...NODE_MAJORS.map((major) =>
      step(`fetch Node ${major}`, async () => {
        nodes[major] = await nodeBinary(major);
        return nodes[major];
      }),
    ),
  ]);

  if (!installed) return;
  await step('size of the ESM entry', () => checkSize(consumer));
  const checks = consumerChecks(Object.fromEntries(NODE_MAJORS.map((m) => [m, nodes[m]])));
  await runPool(checks, (check) =>
    step(check.name, async () => {
      if (!check.command) throw new Error('its Node binary could not be fetched');
      const result = await runConsumerCheck(consumer, check);
      expectSuccess(result);
      // Jest reports on stderr.
      return (
        lastLine(result.stdout) || (result.stderr.match(/^Tests:.*$/m)?.[0] ?? check.quietDetail)
      );
    }),
  );
}

async function checkSize(consumer) {
  const entry = join(consumer, 'node_modules', '@org', 'cincopa-versions', 'dist', 'index.js');
  const size = await measureEntry(entry);
  if (size.gzipBytes > SIZE_BUDGET_BYTES) {
    const over = size.gzipBytes - SIZE_BUDGET_BYTES;
    throw new Error(`${describeSize(size)}: over budget by ${over} B`);
  }
  return describeSize(size);
}

async function runPool(items, worker) {
  const queue = [...items];
  const next = async () => {
    for (let item = queue.shift(); item; item = queue.shift()) await worker(item);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, next));
}

function expectNone(problems) {
  if (problems.length > 0) throw new Error(problems.join('\n'));
}

function expectSuccess(result) {
  if (result.code === 0) return result.stdout;
  throw new Error(`exited with ${result.code}\n${result.stdout}\n${result.stderr}`.trim());
}

function lastLine(text) {
  return text.trim().split('\n').at(-1) ?? '';
}

function report(seconds) {
  console.log('\nPackage check');
  for (const { name, ok, ms, detail } of results) {
    const time = `${(ms / 1000).toFixed(1)} s`.padStart(7);
    const firstLine = ok ? detail.split('\n')[0] : 'see below';
    console.log(`  ${ok ? 'ok  ' : 'FAIL'} ${time}  ${name.padEnd(52)} ${firstLine}`);
  }
  for (const { name, ok, detail } of results.filter((result) => !result.ok)) {
    console.log(`\n--- ${name} ---\n${detail}`);
  }
  const failed = results.filter((result) => !result.ok).length;
  console.log(`\nPackage check took ${seconds.toFixed(1)} s.`);
  console.log(`package check: ${results.length - failed} passed, ${failed} failed`);
  if (failed > 0) process.exitCode = 1;
}

await main();
