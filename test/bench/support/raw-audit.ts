import type { ServerProcess } from './server-process.js';
import { recordedUrl } from './recorded-url.js';

/** A hand-written audit: what a user without the SDK would write, for comparison. */
export type RawAudit = () => Promise<number>;

/**
 * An audit written by hand with `fetch` and `JSON.parse`, requesting the same URLs as the
 * SDK's: page 1, then the other pages `concurrency` at a time. It validates nothing and
 * extracts nothing, so it shows how close to the latency floor any client gets on this
 * machine and server. Resolves with the number of assets read.
 */
export async function rawAudit(
  server: ServerProcess,
  itemsPerPage: number,
  concurrency: number,
): Promise<RawAudit> {
  const first = new URL(
    await recordedUrl(server, async (client) => {
      for await (const _record of client.auditVersions({ itemsPerPage }, { maxPages: 1 })) {
        // Only the request matters.
      }
    }),
  );
  const pageUrl = (page: number) => {
    const url = new URL(first);
    url.searchParams.set('page', String(page));
    return url.href;
  };
  const readPage = async (page: number) => {
    const body = JSON.parse(await (await fetch(pageUrl(page))).text()) as {
      items: unknown[] | Record<string, unknown>;
      items_data: { pages_count: number };
    };
    // PHP sends a list as an object with numeric keys now and then.
    return { assets: Object.keys(body.items).length, pages: Number(body.items_data.pages_count) };
  };

  return async () => {
    const page1 = await readPage(1);
    let assets = page1.assets;
    let next = 2;
    const worker = async () => {
      while (next <= page1.pages) {
        // Not `assets += await …`, which would read `assets` before waiting.
        const page = await readPage(next++);
        assets += page.assets;
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    return assets;
  };
}
