// Run by time-bounds.test.ts in a child process, against the built package: makes calls that
// fail in every way, prints their outcomes and the process's active resources, then lets
// the process end by itself. A timer or socket left behind by any call keeps it alive.
import { CincopaClient } from '../../dist/index.js';

const { hostile, listing } = JSON.parse(process.argv[2]);

/** One call of each failure kind, with the default time limits unless a case needs one. */
const singleCalls = [
  ['OK', {}],
  ['401', {}],
  ['503', { retry: { limit: 1, baseDelay: 5 } }],
  ['429', {}],
  ['RESET', { retry: { limit: 1, baseDelay: 5 } }],
  ['NOTJSON', {}],
  ['STALL', { timeout: 100, retry: { limit: 1, baseDelay: 5 } }],
  ['STALL', { totalTimeout: 150 }],
  ['DRIP', { timeout: 150, retry: false }],
  ['ENDLESS', { maxResponseBytes: 2 ** 21 }],
  ['DECLARED', { maxResponseBytes: 2 ** 20 }],
];

async function single([rid, options], abort) {
  const controller = new AbortController();
  const client = new CincopaClient({
    apiToken: 'child-token',
    baseUrl: hostile,
    ...options,
    hooks: abort === 'backoff' ? { onRetry: () => setTimeout(() => controller.abort(), 5) } : {},
  });
  if (abort === 'request') setTimeout(() => controller.abort(), 30);
  return client.getAssetVersions(rid, { signal: controller.signal }).then(
    () => `${rid}: ok`,
    (error) => `${rid}: ${error.code}`,
  );
}

async function audit(options, abortAfterMs) {
  const controller = new AbortController();
  const client = new CincopaClient({
    apiToken: listing.token,
    baseUrl: listing.baseUrl,
    retry: { limit: 1, baseDelay: 5 },
  });
  if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
  const run = client.auditVersions({ itemsPerPage: 20 }, { ...options, signal: controller.signal });
  try {
    for await (const _record of run) {
      // drain
    }
    return `audit: ${run.summary.assets} assets`;
  } catch (error) {
    return `audit: ${error.code}${error.page === undefined ? '' : ` on page ${error.page}`}`;
  }
}

const outcomes = await Promise.all([
  ...singleCalls.map((call) => single(call)),
  single(['STALL', {}], 'request'),
  single(['503', { retry: { baseDelay: 60_000, maxDelay: 60_000 } }], 'backoff'),
  audit({ concurrency: 4 }),
  audit({ concurrency: 4 }, 20),
]);

// Let closed sockets and cleared timers be released before looking.
await new Promise((resolve) => setTimeout(resolve, 100));
const resources = process.getActiveResourcesInfo();
process.stdout.write(`${JSON.stringify({ outcomes, resources, doneAt: Date.now() })}\n`);
