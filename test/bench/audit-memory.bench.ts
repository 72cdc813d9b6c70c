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

/** One way of running the audits: by whom, and with which V8 flags. */
interface Variant {
  readonly by: AuditMemoryTask['by'];
  readonly flags: readonly string[];
}

const VARIANTS = {
  sdk: { by: 'sdk', flags: [] },
  hand: { by: 'hand', flags: [] },
  // V8 told to keep its old generation small: what the audit itself keeps alive.
  capped: { by: 'sdk', flags: ['--max-old-space-size=64'] },
} as const satisfies Record<string, Variant>;

/**
 * Peak RSS of an audit of 100,000 assets against the same audit of 10,000, each in a fresh
 * child process; the median of a few runs of each. The same pair of audits written by hand
 * (`fetch` and `JSON.parse`, nothing kept) shows how much of the growth any client has, and
 * the SDK's audits with V8's old generation capped show how much is V8 waiting to collect.
 */
export async function measureAuditMemory(): Promise<Figure> {
  const peaks = new Map<keyof typeof VARIANTS, { small: number[]; large: number[] }>();
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, variant] of Object.entries(VARIANTS) as [keyof typeof VARIANTS, Variant][]) {
      const runs = peaks.get(name) ?? { small: [], large: [] };
      peaks.set(name, runs);
      runs.small.push(await peakRss(variant, SMALL));
      runs.large.push(await peakRss(variant, LARGE));
    }
  }
  const pair = (name: keyof typeof VARIANTS) => {
    const runs = peaks.get(name) as { small: number[]; large: number[] };
    return { small: median(runs.small), large: median(runs.large) };
  };
  const describe = ({ small, large }: { small: number; large: number }) =>
    `${mib(large)} vs ${mib(small)}, ${(large / small).toFixed(2)}×`;
  const sdk = pair('sdk');

  return {
    measure: `audit peak RSS, ${LARGE.toLocaleString('en')} assets`,
    baseline: `the same audit of ${SMALL.toLocaleString('en')} assets`,
    ratio: sdk.large / sdk.small,
    target: { kind: 'at-most', ratio: 1.2 },
    detail: `${mib(sdk.large)} vs ${mib(sdk.small)} (pages of ${RUN.itemsPerPage}, concurrency ${RUN.concurrency}); by hand (\`fetch\` + \`JSON.parse\`): ${describe(pair('hand'))}; SDK with \`--max-old-space-size=64\`: ${describe(pair('capped'))}`,
  };
}

async function peakRss(variant: Variant, count: number): Promise<number> {
  const task: AuditMemoryTask = { by: variant.by, count, ...RUN };
  const child = fork(CHILD_ENTRY, [JSON.stringify(task)], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // Only the variant's flags: the parent's (--enable-source-maps) must not change how the
    // child's heap grows.
    execArgv: [...variant.flags],
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
