import { type Figure, ms, roundsSpread } from './support/figure.js';
import { median, quantile } from './support/measure.js';
import { rawAudit } from './support/raw-audit.js';
import { runAudit } from './support/run-audit.js';
import { startServerProcess } from './support/server-process.js';

const LATENCY_MS = 20;
const PAGE_SIZE = 50;
const PAGES = 25;
const WARMUP = 2;
const ROUNDS = 9;

/**
 * Wall time of an audit with 20 ms of server latency and `concurrency` pages in flight,
 * against the least the latency allows: page 1 alone (it tells how many pages there are),
 * then the other pages `concurrency` at a time. A hand-written audit (`fetch` and
 * `JSON.parse` of the same URLs, nothing validated) runs in alternation with the SDK's, to
 * show how close to that floor any client comes on this machine.
 */
export async function measureAuditWallTime(concurrency: number): Promise<Figure> {
  const server = await startServerProcess({
    count: PAGES * PAGE_SIZE,
    seed: 13,
    latencyMs: LATENCY_MS,
    replay: true,
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
    const times: number[] = [];
    const rawTimes: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const sdkFirst = round % 2 === 0;
      if (!sdkFirst) rawTimes.push(await timed(raw));
      times.push(await timed(() => runAudit(server, run)));
      if (sdkFirst) rawTimes.push(await timed(raw));
    }
    const floor = LATENCY_MS * (1 + Math.ceil((PAGES - 1) / concurrency));
    const took = median(times);
    const rawTook = median(rawTimes);

    return {
      measure: `audit wall time, ${PAGES} pages of ${PAGE_SIZE}, ${LATENCY_MS} ms latency, concurrency ${concurrency}`,
      baseline: `latency × (1 + ceil((pages − 1) / C)) = ${floor} ms`,
      ratio: took / floor,
      target: { kind: 'at-most', ratio: 1.15 },
      detail: `${ms(took)}, median of ${ROUNDS}; ${roundsSpread([quantile(times, 0.25) / floor, quantile(times, 0.75) / floor])}; by hand (\`fetch\` + \`JSON.parse\`): ${ms(rawTook)}, ${(rawTook / floor).toFixed(2)}×`,
    };
  } finally {
    await server.close();
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}
