import { afterEach, describe, expect, it, vi } from 'vitest';

import {
  CincopaError,
  InvalidRequestError,
  ListingError,
  type ListingProgress,
} from '../src/index.js';
import {
  type FakeCincopaOptions,
  type WireAsset,
  buildAsset,
  generateAccount,
} from '../src/testing/index.js';
import { BACKENDS, type Backend, type BackendKind, startBackend } from './support/fake-backends.js';

const twelveAssets = generateAccount({ count: 12, seed: 3 }).assets;
const ridsOf = (assets: readonly { rid: string }[]) => assets.map((asset) => asset.rid);

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of iterable) items.push(item);
  return items;
}

async function failure(iterable: AsyncIterable<unknown>): Promise<ListingError> {
  const error = await collect(iterable).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(ListingError);
  return error as ListingError;
}

describe.each(BACKENDS)('listAssets against the %s fake', (kind: BackendKind) => {
  let backend: Backend | undefined;

  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  async function serve(options: FakeCincopaOptions, timeout?: number) {
    backend = await startBackend(kind, options, timeout ? { timeout, retry: false } : {});
    return backend;
  }

  it('lists every asset in order, one request per page and none past the last', async () => {
    const { client, listedPages } = await serve({ assets: twelveAssets });

    const assets = await collect(client.listAssets({ itemsPerPage: 5 }, { concurrency: 3 }));

    expect(ridsOf(assets)).toEqual(ridsOf(twelveAssets));
    expect(listedPages().sort()).toEqual([1, 2, 3]);
  });

  it('stops after page 1 when pages_count is 0', async () => {
    const { client, listedPages } = await serve({ assets: [] });

    const assets = await collect(client.listAssets());

    expect(assets).toEqual([]);
    expect(listedPages()).toEqual([1]);
  });

  it('reads items_data sent as numeric strings', async () => {
    const { client, listedPages } = await serve({ assets: twelveAssets, numericStrings: true });

    const assets = await collect(client.listAssets({ itemsPerPage: 5 }));

    expect(assets).toHaveLength(12);
    expect(listedPages()).toHaveLength(3);
  });

  it('follows the page size the server clamps to', async () => {
    const { client, listedPages } = await serve({ assets: twelveAssets, pageSizeCap: 4 });

    const assets = await collect(client.listAssets({ itemsPerPage: 10 }));

    expect(ridsOf(assets)).toEqual(ridsOf(twelveAssets));
    expect(listedPages().sort()).toEqual([1, 2, 3]);
  });

  it('fails on page 2 when the server ignores `page` and echoes page 1', async () => {
    const { client, listedPages } = await serve({
      assets: twelveAssets,
      faults: [
        { page: (page) => page > 1, times: Infinity, fault: { kind: 'serve-page', page: 1 } },
      ],
    });

    const error = await failure(client.listAssets({ itemsPerPage: 5 }, { concurrency: 1 }));

    expect(error.code).toBe('validation_failed');
    expect(error.page).toBe(2);
    expect(error.message).toBe(
      'Listing failed on page 2 of 3: Invalid response: asked for page 2, received page 1 in `items_data.page`. The server may ignore or clamp `page`.',
    );
    expect(listedPages().length).toBeLessThanOrEqual(3);
  });

  it('fails rather than repeat assets when the server ignores `page` but echoes it', async () => {
    const { client, listedPages } = await serve({
      assets: twelveAssets,
      faults: [
        {
          page: (page) => page > 1,
          times: Infinity,
          fault: { kind: 'serve-page', page: 1, echo: 'asked' },
        },
      ],
    });

    const error = await failure(client.listAssets({ itemsPerPage: 5 }, { concurrency: 1 }));

    expect(error.code).toBe('validation_failed');
    expect(error.page).toBe(2);
    expect(error.message).toContain('every asset on page 2 was already listed');
    expect(listedPages().length).toBeLessThanOrEqual(3);
  });

  it('fails, naming the page, when the server clamps `page` to its last one', async () => {
    const { client } = await serve({
      assets: twelveAssets,
      faults: [
        { page: (page) => page > 2, times: Infinity, fault: { kind: 'serve-page', page: 2 } },
      ],
    });

    const error = await failure(client.listAssets({ itemsPerPage: 4 }));

    expect(error.page).toBe(3);
    expect(error.pagesTotal).toBe(3);
    expect(error.cause).toBeInstanceOf(CincopaError);
  });

  it('fails on a page that echoes the wrong number', async () => {
    const { client } = await serve({
      assets: twelveAssets,
      faults: [{ page: 2, fault: { kind: 'wrong-page', echo: 7 } }],
    });

    const error = await failure(client.listAssets({ itemsPerPage: 5 }));

    expect(error.page).toBe(2);
    expect(error.message).toContain('asked for page 2, received page 7');
  });

  it('never hands out a rid twice when assets are added at the front mid-walk', async () => {
    const added = [buildAsset('NEW1'), buildAsset('NEW2')];
    const { client, listedPages } = await serve({
      assets: twelveAssets,
      onRequest(request, account) {
        if (request.query.get('page') === '2') account.setAssets([...added, ...twelveAssets]);
      },
    });
    const listing = client.listAssets({ itemsPerPage: 5 }, { concurrency: 1 });

    const rids = ridsOf(await collect(listing));

    expect(new Set(rids).size).toBe(rids.length);
    expect(rids).toEqual(ridsOf(twelveAssets));
    expect(listedPages()).toEqual([1, 2, 3]);
    expect(listing.stats).toMatchObject({ countsChanged: true, duplicatesSkipped: 2 });
  });

  it("makes no request past page 1's pages_count when the account grows mid-walk", async () => {
    const grown = [...twelveAssets, ...generateAccount({ count: 20, ridPrefix: 'MORE' }).assets];
    const { client, listedPages } = await serve({
      assets: twelveAssets,
      onRequest(request, account) {
        if (request.query.get('page') === '2') account.setAssets(grown);
      },
    });
    const listing = client.listAssets({ itemsPerPage: 5 }, { concurrency: 1 });

    const assets = await collect(listing);

    expect(assets).toHaveLength(15);
    expect(listedPages()).toEqual([1, 2, 3]);
    expect(listing.stats).toMatchObject({ pagesTotal: 3, countsChanged: true });
  });

  it('flags a listing during which assets were removed, without failing', async () => {
    const { client, listedPages } = await serve({
      assets: twelveAssets,
      onRequest(request, account) {
        if (request.query.get('page') === '2') account.setAssets(twelveAssets.slice(3));
      },
    });
    const listing = client.listAssets({ itemsPerPage: 5 }, { concurrency: 1 });

    const rids = ridsOf(await collect(listing));

    expect(new Set(rids).size).toBe(rids.length);
    expect(listedPages()).toEqual([1, 2, 3]);
    expect(listing.stats.countsChanged).toBe(true);
  });

  it('fails when the pages hold fewer assets than every page announced', async () => {
    const overstate = (body: Record<string, unknown>) => ({
      ...body,
      items_data: { ...(body['items_data'] as object), items_count: 40 },
    });
    const { client } = await serve({
      assets: twelveAssets,
      faults: [{ times: Infinity, fault: { kind: 'rewrite', rewrite: overstate } }],
    });

    const error = await failure(client.listAssets({ itemsPerPage: 5 }));

    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('page 1 announced 40 assets');
    expect(error.page).toBe(3);
  });

  it('names the empty page it stopped on when the listing comes up short', async () => {
    const overstate = (body: Record<string, unknown>) => ({
      ...body,
      items_data: { ...(body['items_data'] as object), items_count: 40, pages_count: 20 },
    });
    const { client } = await serve({
      assets: twelveAssets,
      faults: [{ times: Infinity, fault: { kind: 'rewrite', rewrite: overstate } }],
    });

    const error = await failure(client.listAssets({ itemsPerPage: 5 }, { concurrency: 1 }));

    expect(error.code).toBe('validation_failed');
    expect(error.page).toBe(4);
    expect(error.pagesTotal).toBe(20);
  });

  it('stops at the first empty page when pages_count is overstated', async () => {
    const overstate = (body: Record<string, unknown>) => ({
      ...body,
      items_data: { ...(body['items_data'] as object), pages_count: 1_000_000 },
    });
    const { client, listedPages } = await serve({
      assets: twelveAssets,
      faults: [{ times: Infinity, fault: { kind: 'rewrite', rewrite: overstate } }],
    });

    const assets = await collect(client.listAssets({ itemsPerPage: 5 }, { concurrency: 4 }));

    expect(assets).toHaveLength(12);
    // Page 4 is the first empty one; at most 2 × `concurrency` requests go out past it.
    expect(Math.max(...listedPages())).toBeLessThanOrEqual(4 + 2 * 4);
  });

  it('fails on page 1 when it carries no items_data', async () => {
    const { client } = await serve({
      assets: twelveAssets,
      faults: [
        { page: 1, fault: { kind: 'rewrite', rewrite: ({ items_data: _, ...rest }) => rest } },
      ],
    });

    const error = await failure(client.listAssets());

    expect(error.page).toBe(1);
    expect(error.pagesTotal).toBeNull();
    expect(error.message).toContain('carried no `items_data`');
  });

  it('retries a 429 with Retry-After, a 503 and a reset, then completes', async () => {
    const { client, listedPages } = await serve({
      assets: twelveAssets,
      faults: [
        { page: 1, fault: { kind: 'status', status: 429, retryAfter: '0' } },
        { page: 2, fault: { kind: 'status', status: 503 } },
        { page: 3, fault: { kind: 'reset' } },
      ],
    });

    const assets = await collect(client.listAssets({ itemsPerPage: 5 }));

    expect(assets).toHaveLength(12);
    expect(listedPages().sort()).toEqual([1, 1, 2, 2, 3, 3]);
  });

  it('fails with a ListingError naming the page once retries are spent', async () => {
    const { client, listedPages } = await serve({
      assets: twelveAssets,
      faults: [{ page: 2, times: Infinity, fault: { kind: 'status', status: 502 } }],
    });

    const error = await failure(client.listAssets({ itemsPerPage: 5 }, { concurrency: 1 }));

    expect(error).toMatchObject({ code: 'server_error', status: 502, page: 2, pagesTotal: 3 });
    expect(error.message).toMatch(/^Listing failed on page 2 of 3: Server error: HTTP 502/);
    expect(listedPages().filter((page) => page === 2)).toHaveLength(3);
  });

  it.each(['nothing', 'headers'] as const)(
    'fails with a timeout naming the page when the server stalls (after %s)',
    async (after) => {
      const { client } = await serve(
        { assets: twelveAssets, faults: [{ page: 2, fault: { kind: 'stall', after } }] },
        150,
      );

      const error = await failure(client.listAssets({ itemsPerPage: 5 }));

      expect(error).toMatchObject({ code: 'timeout', page: 2 });
    },
  );

  it('stops at maxItems, fetching only the pages it needs', async () => {
    const { client, listedPages } = await serve({ assets: twelveAssets });
    const listing = client.listAssets({ itemsPerPage: 5 }, { maxItems: 7 });

    const assets = await collect(listing);

    expect(ridsOf(assets)).toEqual(ridsOf(twelveAssets.slice(0, 7)));
    expect(listedPages().sort()).toEqual([1, 2]);
    expect(listing.stats.stoppedEarly).toBe('maxItems');
  });

  it('stops at maxPages', async () => {
    const { client, listedPages } = await serve({ assets: twelveAssets });
    const listing = client.listAssets({ itemsPerPage: 5 }, { maxPages: 2 });

    const assets = await collect(listing);

    expect(assets).toHaveLength(10);
    expect(listedPages().sort()).toEqual([1, 2]);
    expect(listing.stats.stoppedEarly).toBe('maxPages');
  });
});

describe('listAssets', () => {
  let backend: Backend | undefined;

  afterEach(async () => {
    await backend?.close();
    backend = undefined;
  });

  it('hands out pages in page order even when later pages answer first', async () => {
    backend = await startBackend('loopback', { assets: twelveAssets });
    const order: number[] = [];

    for await (const page of backend.client
      .listAssets({ itemsPerPage: 2 }, { concurrency: 6 })
      .pages()) {
      order.push(page.page);
    }

    expect(order).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('keeps sending while an earlier page is slow, at most 2 × `concurrency` pages ahead', async () => {
    const sent: number[] = [];
    let releasePage2 = () => undefined as void;
    const page2Held = new Promise<void>((resolve) => (releasePage2 = resolve));
    const fetchHoldingPage2 = async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
      sent.push(page);
      const response = await fetch(request);
      if (page === 2) await page2Held;
      return response;
    };
    backend = await startBackend(
      'loopback',
      { assets: generateAccount({ count: 40 }).assets },
      { fetch: fetchHoldingPage2 as typeof fetch },
    );

    const listing = collect(backend.client.listAssets({ itemsPerPage: 2 }, { concurrency: 2 }));
    await vi.waitFor(() => expect(sent).toContain(5));
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Pages 3, 4 and 5 arrived while page 2 was held; page 6 waits for the reader.
    expect([...sent].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
    releasePage2();

    expect(await listing).toHaveLength(40);
    expect([...sent].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, index) => index + 1),
    );
  });

  it('does not stall when a test fakes setImmediate after importing the SDK', async () => {
    backend = await startBackend('loopback', { assets: twelveAssets });
    vi.useFakeTimers({ toFake: ['setImmediate'] });
    try {
      const assets = await collect(backend.client.listAssets({ itemsPerPage: 2 }));
      expect(assets).toHaveLength(12);
    } finally {
      vi.useRealTimers();
    }
  });

  it('reports progress after each page', async () => {
    backend = await startBackend('loopback', { assets: twelveAssets });
    const progress: ListingProgress[] = [];

    await collect(
      backend.client.listAssets({ itemsPerPage: 5 }, { onProgress: (step) => progress.push(step) }),
    );

    expect(progress).toEqual([
      { pagesDone: 1, pagesTotal: 3, assetsSeen: 5 },
      { pagesDone: 2, pagesTotal: 3, assetsSeen: 10 },
      { pagesDone: 3, pagesTotal: 3, assetsSeen: 12 },
    ]);
  });

  it('never has more requests in flight than `concurrency`', async () => {
    let inFlight = 0;
    let most = 0;
    const hooks = {
      onRequest: () => void (most = Math.max(most, ++inFlight)),
      onResponse: () => void inFlight--,
    };
    backend = await startBackend(
      'loopback',
      { assets: generateAccount({ count: 40 }).assets, latencyMs: 5 },
      { hooks },
    );

    await collect(backend.client.listAssets({ itemsPerPage: 2 }, { concurrency: 3 }));

    expect(most).toBeLessThanOrEqual(3);
    expect(most).toBeGreaterThan(1);
  });

  it("hangs one listener on the caller's signal, whatever the concurrency", async () => {
    backend = await startBackend('loopback', {
      assets: generateAccount({ count: 64 }).assets,
      latencyMs: 5,
    });
    const controller = new AbortController();
    let listeners = 0;
    const add = controller.signal.addEventListener.bind(controller.signal);
    controller.signal.addEventListener = (...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    };

    await collect(
      backend.client.listAssets(
        { itemsPerPage: 2 },
        { concurrency: 16, signal: controller.signal },
      ),
    );

    expect(listeners).toBe(1);
  });

  it('sends nothing more once the reader stops', async () => {
    let sent = 0;
    backend = await startBackend(
      'loopback',
      { assets: generateAccount({ count: 40 }).assets, latencyMs: 5 },
      { hooks: { onRequest: () => void sent++ } },
    );
    const listing = backend.client.listAssets({ itemsPerPage: 2 }, { concurrency: 2 });

    for await (const _asset of listing) break;
    const sentWhenStopped = sent;
    await new Promise((resolve) => setTimeout(resolve, 30));

    expect(sentWhenStopped).toBe(3);
    expect(sent).toBe(sentWhenStopped);
  });

  it('ends with `aborted`, naming the page, when the caller aborts', async () => {
    const controller = new AbortController();
    // The server aborts the caller as page 1 arrives, before answering it.
    backend = await startBackend('loopback', {
      assets: twelveAssets,
      latencyMs: 1_000,
      onRequest: () => controller.abort(),
    });
    const listing = backend.client.listAssets({ itemsPerPage: 5 }, { signal: controller.signal });

    const error = await failure(listing);

    expect(error).toMatchObject({ code: 'aborted', page: 1 });
  });

  it('drops a rid repeated within a page, and says the listing came up short', async () => {
    const twice: WireAsset[] = [buildAsset('SAME'), buildAsset('SAME'), buildAsset('OTHER')];
    backend = await startBackend('loopback', { assets: twice });
    const listing = backend.client.listAssets();
    const pages: string[][] = [];

    const error = await failure(
      (async function* () {
        for await (const page of listing.pages()) pages.push(ridsOf(page.assets));
      })(),
    );

    expect(pages).toEqual([['SAME', 'OTHER']]);
    expect(listing.stats.duplicatesSkipped).toBe(1);
    expect(error.message).toContain(
      'page 1 announced 3 assets in `items_data.items_count`, the pages held 2 distinct',
    );
  });

  it('rejects malformed options and queries at once, before any request', async () => {
    backend = await startBackend('loopback', { assets: twelveAssets });
    const { client } = backend;

    expect(() => client.listAssets({}, { concurrency: 0 })).toThrow(InvalidRequestError);
    expect(() => client.listAssets({}, { concurrency: 17 })).toThrow(InvalidRequestError);
    expect(() => client.listAssets({}, { maxItems: 1.5 })).toThrow(InvalidRequestError);
    expect(() => client.listAssets({ itemsPerPage: 501 })).toThrow(InvalidRequestError);
    expect(() => client.listAssets({ page: 2 } as never)).toThrow(
      /`page`: is chosen by the listing/,
    );
    expect(() => client.listAssets({}, { concurency: 2 } as never)).toThrow(InvalidRequestError);
    expect(backend.requests).toHaveLength(0);
  });

  it('walks afresh on each iteration', async () => {
    backend = await startBackend('loopback', { assets: twelveAssets });
    const listing = backend.client.listAssets({ itemsPerPage: 5 });

    const first = await collect(listing);
    const second = await collect(listing);

    expect(ridsOf(second)).toEqual(ridsOf(first));
    expect(listing.stats.assetsSeen).toBe(12);
    expect(backend.listedPages()).toHaveLength(6);
  });
});
