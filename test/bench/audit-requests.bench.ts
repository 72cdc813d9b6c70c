import type { Figure } from './support/figure.js';
import { runAudit } from './support/run-audit.js';
import { startServerProcess } from './support/server-process.js';

// A count that is not a multiple of the page size, so that the last page is a partial one.
const ASSETS = 2345;
const PAGE_SIZE = 100;

/** Requests made by an audit of N assets against ceil(N / page size). */
export async function measureAuditRequests(): Promise<Figure> {
  const server = await startServerProcess({ count: ASSETS, seed: 11 });
  try {
    await server.resetRequests();
    const records = await runAudit(server, { itemsPerPage: PAGE_SIZE, concurrency: 4 });
    const requests = await server.listRequests();
    const expected = Math.ceil(ASSETS / PAGE_SIZE);
    if (records !== ASSETS) throw new Error(`The audit saw ${records} of ${ASSETS} assets.`);

    return {
      measure: `requests made by an audit of ${ASSETS} assets`,
      baseline: `ceil(N / page size) = ceil(${ASSETS} / ${PAGE_SIZE}) = ${expected}`,
      ratio: requests / expected,
      target: { kind: 'exactly', ratio: 1 },
      detail: `${requests} requests for ${expected} pages`,
    };
  } finally {
    await server.close();
  }
}
