import { fork } from 'node:child_process';
import { once } from 'node:events';

import type { AuditMemoryResult, AuditMemoryTask } from './audit-memory-process.js';
import type { Figure } from './support/figure.js';
import { median } from './support/measure.js';

const SMALL = 10_000;
const LARGE = 100_000;
const ROUNDS = 3;
const RUN = { itemsPerPage: 500, concurrency: 4 };
const CHILD_ENTRY = new URL('./audit-memory-process.js', import.meta.url);

/**
 * Peak RSS of an audit of 100,000 assets against the same audit of 10,000, each in a fresh
 * child process; the median of a few runs of each. The same pair of audits written by hand
 * (`fetch` and `JSON.parse`, nothing kept) shows how much of the growth any client has.
 */
export async function measureAuditMemory(): Promise<Figure> {
  const runs = {
    sdk: { small: [] as number[], large: [] as number[] },
    hand: { small: [] as number[], large: [] as number[] },
  };
  for (let round = 0; round < ROUNDS; round++) {
    for (const by of ['sdk', 'hand'] as const) {
      runs[by].small.push(await peakRss(by, SMALL));
      runs[by].large.push(await peakRss(by, LARGE));
    }
  }
  const [smallRss, largeRss] = [median(runs.sdk.small), median(runs.sdk.large)];
  const [handSmall, handLarge] = [median(runs.hand.small), median(runs.hand.large)];

  return {
    measure: `audit peak RSS, ${LARGE.toLocaleString('en')} assets`,
    baseline: `the same audit of ${SMALL.toLocaleString('en')} assets`,
    ratio: largeRss / smallRss,
    target: { kind: 'at-most', ratio: 1.2 },
    detail: `${mib(largeRss)} vs ${mib(smallRss)} (pages of ${RUN.itemsPerPage}, concurrency ${RUN.concurrency}); by hand (\`fetch\` + \`JSON.parse\`): ${mib(handLarge)} vs ${mib(handSmall)}, ${(handLarge / handSmall).toFixed(2)}×`,
  };
}

async function peakRss(by: AuditMemoryTask['by'], count: number): Promise<number> {
  const task: AuditMemoryTask = { by, count, ...RUN };
  const child = fork(CHILD_ENTRY, [JSON.stringify(task)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // The parent's flags (--expose-gc) must not change how the child's heap grows.
    execArgv: [],
  });
  let result: AuditMemoryResult | undefined;
  child.once('message', (message: AuditMemoryResult) => (result = message));
  const [code] = (await once(child, 'exit')) as [number | null];
  if (code !== 0 || !result) throw new Error(`The audit of ${count} assets exited with ${code}.`);
  if (result.records !== count) throw new Error(`The audit saw ${result.records} of ${count}.`);
  return result.maxRssBytes;
}

function mib(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
}
