import { type Figure, ms, roundsSpread } from './support/figure.js';
import { median, quantile } from './support/measure.js';
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
 * then the other pages `concurrency` at a time.
 */
export async function measureAuditWallTime(concurrency: number): Promise<Figure> {
  const server = await startServerProcess({
    count: PAGES * PAGE_SIZE,
    seed: 13,
    latencyMs: LATENCY_MS,
  });
  try {
    const run = { itemsPerPage: PAGE_SIZE, concurrency };
    for (let round = 0; round < WARMUP; round++) await runAudit(server, run);
    const times: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const started = performance.now();
      await runAudit(server, run);
      times.push(performance.now() - started);
    }
    const floor = LATENCY_MS * (1 + Math.ceil((PAGES - 1) / concurrency));
    const took = median(times);

    return {
      measure: `audit wall time, ${PAGES} pages of ${PAGE_SIZE}, ${LATENCY_MS} ms latency, concurrency ${concurrency}`,
      baseline: `latency × (1 + ceil((pages − 1) / C)) = ${floor} ms`,
      ratio: took / floor,
      target: { kind: 'at-most', ratio: 1.15 },
      detail: `${ms(took)}, median of ${ROUNDS}; ${roundsSpread([quantile(times, 0.25) / floor, quantile(times, 0.75) / floor])}`,
    };
  } finally {
    await server.close();
  }
}
