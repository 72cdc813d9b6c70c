import { type Figure, ms, roundsSpread } from './support/figure.js';
import { median, quantile } from './support/measure.js';
import { rawAudit } from './support/raw-audit.js';
import { runAudit } from './support/run-audit.js';
import { type ServedAccount, startServerProcess } from './support/server-process.js';

const LATENCY_MS = 20;
const JITTER = 0.75;
const PAGE_SIZE = 50;
const PAGES = 25;
const WARMUP = 2;
const ROUNDS = 9;

/** The wall times of the SDK's audits and of hand-written ones, run in alternation. */
interface AuditTimes {
  readonly sdk: readonly number[];
  readonly hand: readonly number[];
}

/**
 * Wall time of an audit with 20 ms of server latency and `concurrency` pages in flight,
 * against the least the latency allows: page 1 alone (it tells how many pages there are),
 * then the other pages `concurrency` at a time. A hand-written audit (`fetch` and
 * `JSON.parse` of the same URLs, nothing validated) runs in alternation with the SDK's, to
 * show how close to that floor any client comes on this machine.
 */
export async function measureAuditWallTime(concurrency: number): Promise<Figure> {
  const times = await timeAudits({ latencyMs: LATENCY_MS }, concurrency);
  const floor = LATENCY_MS * (1 + Math.ceil((PAGES - 1) / concurrency));
  const took = median(times.sdk);
  const byHand = median(times.hand);

  return {
    measure: `audit wall time, ${PAGES} pages of ${PAGE_SIZE}, ${LATENCY_MS} ms latency, concurrency ${concurrency}`,
    baseline: `latency × (1 + ceil((pages − 1) / C)) = ${floor} ms`,
    ratio: took / floor,
    target: { kind: 'at-most', ratio: 1.15 },
    detail: `${ms(took)}, median of ${ROUNDS}; ${roundsSpread([quantile(times.sdk, 0.25) / floor, quantile(times.sdk, 0.75) / floor])}; by hand (\`fetch\` + \`JSON.parse\`): ${ms(byHand)}, ${(byHand / floor).toFixed(2)}×`,
  };
}

/**
 * The same audit when each answer takes from 5 to 35 ms (seeded), against the hand-written
 * audit in the same run: with uneven latency, a page that is slow to answer must not hold
 * back the requests after it.
 */
export async function measureAuditJitteredWallTime(concurrency: number): Promise<Figure> {
  const times = await timeAudits({ latencyMs: LATENCY_MS, jitter: JITTER }, concurrency);
  const [low, high] = [LATENCY_MS * (1 - JITTER), LATENCY_MS * (1 + JITTER)];
  const took = median(times.sdk);
  const byHand = median(times.hand);
  const ratios = times.sdk.map((time, round) => time / (times.hand[round] as number));

  return {
    measure: `audit wall time, ${PAGES} pages of ${PAGE_SIZE}, ${low}–${high} ms latency, concurrency ${concurrency}`,
    baseline: 'the hand-written audit (`fetch` + `JSON.parse`, nothing validated), same run',
    ratio: took / byHand,
    target: { kind: 'report' },
    detail: `${ms(took)} vs ${ms(byHand)}, medians of ${ROUNDS}; ${roundsSpread([quantile(ratios, 0.25), quantile(ratios, 0.75)])}`,
  };
}

async function timeAudits(
  served: Pick<ServedAccount, 'latencyMs' | 'jitter'>,
  concurrency: number,
): Promise<AuditTimes> {
  const server = await startServerProcess({
    count: PAGES * PAGE_SIZE,
    seed: 13,
    replay: true,
    ...served,
  });
  try {
    const run = { itemsPerPage: PAGE_SIZE, concurrency };
    const raw = await rawAudit(server, PAGE_SIZE, concurrency);
    for (let round = 0; round < WARMUP; round++) {
      const counts = [await runAudit(server, run), await raw()];
      if (counts.some((count) => count !== PAGES * PAGE_SIZE)) {
        throw new Error(`The audits read ${counts.join(' and ')} of ${PAGES * PAGE_SIZE} assets.`);
      }
    }
    const sdk: number[] = [];
    const hand: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const sdkFirst = round % 2 === 0;
      if (!sdkFirst) hand.push(await timed(raw));
      sdk.push(await timed(() => runAudit(server, run)));
      if (sdkFirst) hand.push(await timed(raw));
    }
    return { sdk, hand };
  } finally {
    await server.close();
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
