// How a listing's prefetch behaves at its edges: a slot frees when a response arrives, pages
// are parsed when read, and nothing is sent once the listing is bound to end. Every request
// goes to a scripted, in-process `fetch` on a loopback base URL: nothing touches the network.
import { afterEach, describe, expect, it, vi } from 'vitest';

import { CincopaClient, ListingError } from '../src/index.js';
import { buildListBody, generateAccount } from '../src/testing/index.js';
import { jsonReply } from './support/scripted-fetch.js';

const BASE = 'http://127.0.0.1:9/v2/';
const PER_PAGE = 2;
const PAGES = 20;
const account = generateAccount({ count: PER_PAGE * PAGES, seed: 5 }).assets;

interface Sent {
  readonly page: number;
  readonly at: number; // position in the event log
  settled: boolean;
  release: (response?: Response) => void;
  fail: (error: unknown) => void;
}

/**
 * A scripted server: `hold(page)` decides whether a page's answer waits for `release`;
 * `answer(page)` builds its answer. The fetch ignores the abort signal when `ignoreSignal`.
 */
function scriptedServer(
  options: {
    hold?: (page: number) => boolean;
    answer?: (page: number) => Response;
    ignoreSignal?: boolean;
  } = {},
) {
  const sent: Sent[] = [];
  const log: string[] = [];
  let running = 0;
  let maxRunning = 0;
  const answer =
    options.answer ??
    ((page: number) =>
      jsonReply(
        buildListBody(account.slice((page - 1) * PER_PAGE, page * PER_PAGE), {
          page,
          itemsPerPage: PER_PAGE,
          itemsCount: account.length,
        }),
      ));
  const fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const page = Number(new URL(request.url).searchParams.get('page') ?? 1);
    log.push(`send ${page}`);
    running++;
    maxRunning = Math.max(maxRunning, running);
    return new Promise<Response>((resolve, reject) => {
      const entry: Sent = {
        page,
        at: log.length - 1,
        settled: false,
        release: (response) => {
          if (entry.settled) return;
          entry.settled = true;
          running--;
          log.push(`answer ${page}`);
          resolve(response ?? answer(page));
        },
        fail: (error) => {
          if (entry.settled) return;
          entry.settled = true;
          running--;
          log.push(`fail ${page}`);
          reject(error);
        },
      };
      sent.push(entry);
      if (!options.ignoreSignal) {
        if (request.signal.aborted) entry.fail(request.signal.reason);
        request.signal.addEventListener('abort', () => entry.fail(request.signal.reason));
      }
      if (!(options.hold?.(page) ?? false)) queueMicrotask(() => entry.release());
    });
  };
  return {
    fetch: fetch as typeof globalThis.fetch,
    sent,
    log,
    pages: () => sent.map((entry) => entry.page),
    get running() {
      return running;
    },
    get maxRunning() {
      return maxRunning;
    },
    resetMaxRunning: () => void (maxRunning = running),
    entry: (page: number) => sent.find((entry) => entry.page === page),
  };
}

function clientOf(server: { fetch: typeof globalThis.fetch }, extra = {}) {
  return new CincopaClient({
    apiToken: 'prefetch-token',
    baseUrl: BASE,
    fetch: server.fetch,
    retry: { baseDelay: 1, maxDelay: 5 },
    ...extra,
  });
}

const settle = (ms = 30) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('PagePrefetch after the caller aborts', () => {
  it('sends nothing once the caller aborted as a response arrived', async () => {
    // Page 2 answers at once and page 3 is held; the caller aborts from page 2's
    // `onResponse`, after that attempt ended but before its page is handed to the listing.
    const server = scriptedServer({ hold: (page) => page === 3 });
    const controller = new AbortController();
    const requestsSeen: number[] = [];
    let seenAtAbort = -1;
    const client = clientOf(server, {
      hooks: {
        onRequest: (event: { url: string }) =>
          requestsSeen.push(Number(new URL(event.url).searchParams.get('page') ?? 1)),
        onResponse: (event: { url: string }) => {
          if (new URL(event.url).searchParams.get('page') !== '2') return;
          controller.abort();
          seenAtAbort = requestsSeen.length;
        },
      },
    });

    const listing = client.listAssets(
      { itemsPerPage: PER_PAGE },
      { concurrency: 2, signal: controller.signal },
    );
    const error = await failureOf(listing);
    await settle();

    expect(error.code).toBe('aborted');
    expect(requestsSeen.slice(seenAtAbort)).toEqual([]);
    expect(server.pages()).toEqual([1, 2, 3]);
  });

  it('sends no request once the caller’s signal has aborted (reader paused on a page)', async () => {
    const server = scriptedServer({ hold: (page) => page >= 2 });
    const requestsSeen: string[] = [];
    const client = clientOf(server, {
      hooks: { onRequest: (event: { url: string }) => requestsSeen.push(event.url) },
    });
    const controller = new AbortController();
    const pages = client
      .listAssets({ itemsPerPage: PER_PAGE }, { concurrency: 2, signal: controller.signal })
      .pages();

    expect((await pages.next()).value?.page).toBe(1); // the reader now holds page 1
    await vi.waitFor(() => expect(server.pages()).toEqual([1, 2, 3]));
    const sentBefore = server.sent.length;
    const hooksBefore = requestsSeen.length;

    controller.abort();
    await settle();

    // Pages 2 and 3 are aborted; an aborted request must not free its slot for another.
    expect({
      fetchCalls: server.pages().slice(sentBefore),
      onRequest: requestsSeen.length - hooksBefore,
    }).toEqual({ fetchCalls: [], onRequest: 0 });
    await pages.return?.(undefined);
  });

  it('keeps at most `concurrency` fetches running after an abort, even with a fetch that ignores its signal', async () => {
    // The transport itself allows for a custom fetch ignoring the signal (`untilAborted`).
    const server = scriptedServer({ hold: (page) => page >= 2, ignoreSignal: true });
    const client = clientOf(server);
    const controller = new AbortController();
    const pages = client
      .listAssets({ itemsPerPage: PER_PAGE }, { concurrency: 2, signal: controller.signal })
      .pages();

    await pages.next();
    await vi.waitFor(() => expect(server.pages()).toEqual([1, 2, 3]));
    controller.abort();
    await settle();

    // The fetch ignores its signal, so pages 2 and 3 are still running: nothing may join them.
    expect(server.maxRunning).toBeLessThanOrEqual(2);
    await pages.return?.(undefined);
    for (const entry of server.sent) entry.release();
  });
});

describe('PagePrefetch after a page fails in flight', () => {
  it('sends no further page once a page ahead has failed for good', async () => {
    // Page 2 is refused (401, not retried) while the reader still holds page 1.
    const server = scriptedServer({
      hold: (page) => page >= 3,
      answer: (page) =>
        page === 2
          ? jsonReply({ success: false, message: 'bad token' }, 401)
          : jsonReply(
              buildListBody(account.slice((page - 1) * PER_PAGE, page * PER_PAGE), {
                page,
                itemsPerPage: PER_PAGE,
                itemsCount: account.length,
              }),
            ),
    });
    const client = clientOf(server);
    const pages = client.listAssets({ itemsPerPage: PER_PAGE }, { concurrency: 2 }).pages();

    await pages.next(); // page 1, held by the reader
    await settle();
    const afterFailure = server.sent.filter((entry) => entry.at > server.log.indexOf('answer 2'));

    // The listing cannot go past page 2, so nothing is requested after its failure.
    expect(afterFailure.map((entry) => entry.page)).toEqual([]);

    const error = await pages.next().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(ListingError);
    expect((error as ListingError).page).toBe(2);
    for (const entry of server.sent) entry.release();
  });
});

describe('PagePrefetch bounds', () => {
  it('requests at most 2 × `concurrency` pages ahead of a reader that stops reading', async () => {
    const server = scriptedServer();
    const client = clientOf(server);
    const pages = client.listAssets({ itemsPerPage: PER_PAGE }, { concurrency: 2 }).pages();

    await pages.next(); // the reader holds page 1 and reads no further
    await settle();

    // Pages 2–5 arrive and wait, unparsed; page 6 waits for the reader.
    expect(server.pages()).toEqual([1, 2, 3, 4, 5]);
    expect(server.sent.every((entry) => entry.settled)).toBe(true);
    await pages.return?.(undefined);
  });

  it('never has more than `concurrency` requests running', async () => {
    const server = scriptedServer();
    const client = clientOf(server);
    for (const concurrency of [1, 2, 3, 5]) {
      server.sent.length = 0;
      server.resetMaxRunning();
      let count = 0;
      for await (const _asset of client.listAssets({ itemsPerPage: PER_PAGE }, { concurrency })) {
        if (++count % 7 === 0) await settle(2);
      }
      expect(count).toBe(account.length);
      // every page requested exactly once
      expect(server.pages().sort((a, b) => a - b)).toEqual(
        Array.from({ length: PAGES }, (_, index) => index + 1),
      );
      expect(server.maxRunning).toBeLessThanOrEqual(concurrency);
    }
  });
});

const pageBody = (page: number) =>
  jsonReply(
    buildListBody(account.slice((page - 1) * PER_PAGE, page * PER_PAGE), {
      page,
      itemsPerPage: PER_PAGE,
      itemsCount: account.length,
    }),
  );
const notJson = () =>
  new Response('<html>oops</html>', { status: 200, headers: { 'content-type': 'text/html' } });
const reset = () => {
  throw new TypeError('fetch failed', { cause: new Error('ECONNRESET') });
};

async function failureOf(iterable: AsyncIterable<unknown>): Promise<ListingError> {
  try {
    for await (const _item of iterable) {
      // drain
    }
  } catch (error) {
    expect(error).toBeInstanceOf(ListingError);
    return error as ListingError;
  }
  throw new Error('the listing did not fail');
}

describe('what held up', () => {
  it('sends nothing after the reader breaks out, and leaves no timer behind', async () => {
    const timersBefore = process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout');
    const server = scriptedServer({ hold: (page) => page >= 3 });
    const client = clientOf(server);
    let seen = 0;
    for await (const _asset of client.listAssets({ itemsPerPage: PER_PAGE }, { concurrency: 3 })) {
      if (++seen === 3) break; // inside page 2
    }
    const sentAtBreak = server.sent.length;
    await settle();
    expect(server.sent.length).toBe(sentAtBreak);
    expect(server.sent.filter((entry) => !entry.settled)).toEqual([]); // all aborted
    expect(process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout')).toEqual(
      timersBefore,
    );
  });

  it.each([
    ['audit, page 3 not JSON (fails when read)', 'audit', 3, notJson],
    ['audit, page 3 reset (fails in flight)', 'audit', 3, reset],
    ['listing, page 3 not JSON', 'list', 3, notJson],
    ['listing, page 3 reset', 'list', 3, reset],
  ] as const)('names the right page: %s', async (_name, kind, bad, fault) => {
    // A later page (6) fails first, in flight, before the reader reaches page 3.
    const fetch = (async (input: RequestInfo | URL) => {
      const page = Number(
        new URL(String(input instanceof Request ? input.url : input)).searchParams.get('page') ?? 1,
      );
      if (page === 6) reset();
      if (page === bad) {
        await settle(20);
        return fault();
      }
      return pageBody(page);
    }) as typeof globalThis.fetch;
    const client = clientOf({ fetch }, { retry: false });
    const iterable =
      kind === 'audit'
        ? client.auditVersions({ itemsPerPage: PER_PAGE }, { concurrency: 4 })
        : client.listAssets({ itemsPerPage: PER_PAGE }, { concurrency: 4 });
    const error = await failureOf(iterable);
    expect(error.page).toBe(bad);
    expect(error.pagesTotal).toBe(PAGES);
  });

  it('stops at maxPages / maxItems: no request past the last page', async () => {
    for (const options of [{ maxPages: 3 }, { maxItems: 5 }]) {
      const server = scriptedServer();
      const assets: unknown[] = [];
      for await (const asset of clientOf(server).listAssets(
        { itemsPerPage: PER_PAGE },
        { concurrency: 8, ...options },
      )) {
        assets.push(asset);
      }
      expect(server.pages().sort((a, b) => a - b)).toEqual([1, 2, 3]);
    }
  });

  it('keeps slot accounting through retries: every page once, at most `concurrency` running', async () => {
    const tries = new Map<number, number>();
    let running = 0;
    let maxRunning = 0;
    const fetch = (async (input: RequestInfo | URL) => {
      const page = Number(
        new URL(String(input instanceof Request ? input.url : input)).searchParams.get('page') ?? 1,
      );
      const attempt = (tries.get(page) ?? 0) + 1;
      tries.set(page, attempt);
      running++;
      maxRunning = Math.max(maxRunning, running);
      try {
        await settle(page % 3);
        if (page % 4 === 0 && attempt === 1) return jsonReply({}, 429, { 'retry-after': '0' });
        if (page % 5 === 0 && attempt < 3) return jsonReply({ success: false }, 503);
        if (page % 7 === 0 && attempt === 1) reset();
        return pageBody(page);
      } finally {
        running--;
      }
    }) as typeof globalThis.fetch;
    const audit = clientOf({ fetch }).auditVersions({ itemsPerPage: PER_PAGE }, { concurrency: 3 });
    let records = 0;
    for await (const _record of audit) records++;
    expect(records).toBe(account.length);
    expect(maxRunning).toBeLessThanOrEqual(3);
    expect([...tries.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: PAGES }, (_, index) => index + 1),
    );
  });
});

describe('parse-on-read for client.listAssets', () => {
  it.each(['auditVersions', 'listAssets'] as const)(
    '%s: sends the next request before parsing the page that arrived',
    async (method) => {
      const server = scriptedServer({ hold: (page) => page >= 2 });
      const parse = JSON.parse;
      vi.spyOn(JSON, 'parse').mockImplementation((text, reviver) => {
        const match = /"page":(\d+)/.exec(text);
        if (match) server.log.push(`parse ${match[1]}`);
        return parse(text, reviver);
      });
      const client = clientOf(server);
      const listing =
        method === 'auditVersions'
          ? client.auditVersions({ itemsPerPage: PER_PAGE }, { concurrency: 1 })
          : client.listAssets({ itemsPerPage: PER_PAGE }, { concurrency: 1 });
      const iterator = listing[Symbol.asyncIterator]();
      await iterator.next(); // first asset of page 1; the reader holds page 1
      await vi.waitFor(() => expect(server.pages()).toEqual([1, 2]));
      server.entry(2)?.release();
      await settle();
      // Page 2 arrived and is unread: with parse-on-read it is not parsed yet, and page 3
      // was sent at once.
      expect(server.log).toContain('send 3');
      expect(server.log).not.toContain('parse 2');
      await iterator.return?.(undefined);
    },
  );
});

describe('abort while the reader waits on a page', () => {
  it('fails with `aborted` on that page and sends nothing after the abort', async () => {
    const server = scriptedServer({ hold: (page) => page >= 2 });
    const client = clientOf(server);
    const controller = new AbortController();
    const listing = client.listAssets(
      { itemsPerPage: PER_PAGE },
      { concurrency: 4, signal: controller.signal },
    );
    const outcome = failureOf(listing);
    await vi.waitFor(() => expect(server.pages()).toEqual([1, 2, 3, 4, 5]));
    const sentBefore = server.sent.length;
    controller.abort();
    const error = await outcome;
    await settle();
    expect({ code: error.code, page: error.page }).toEqual({ code: 'aborted', page: 2 });
    expect(server.pages().slice(sentBefore)).toEqual([]);
  });
});

describe('overstated pages_count', () => {
  it('costs at most 2 × concurrency requests past the first empty page', async () => {
    for (const concurrency of [1, 2, 4]) {
      const server = scriptedServer({
        answer: (page) =>
          jsonReply(
            buildListBody(page <= 3 ? account.slice((page - 1) * PER_PAGE, page * PER_PAGE) : [], {
              page,
              itemsPerPage: PER_PAGE,
              itemsCount: 3 * PER_PAGE,
              pagesCount: PAGES, // overstated: pages 4 on are empty
            }),
          ),
      });
      const pages = clientOf(server)
        .listAssets({ itemsPerPage: PER_PAGE }, { concurrency })
        .pages();
      for await (const _page of pages) await settle(5); // a slow reader
      expect(Math.max(...server.pages())).toBeLessThanOrEqual(4 + 2 * concurrency);
      expect(new Set(server.pages()).size).toBe(server.pages().length);
    }
  });
});

describe('audit: a held page that fails validation when read', () => {
  it('sends no request for the read that fails', async () => {
    const server = scriptedServer({
      answer: (page) =>
        page === 2
          ? new Response('<html>PHP notice</html>', {
              status: 200,
              headers: { 'content-type': 'text/html' },
            })
          : pageBody(page),
    });
    const audit = clientOf(server).auditVersions({ itemsPerPage: PER_PAGE }, { concurrency: 1 });
    const iterator = audit[Symbol.asyncIterator]();
    await iterator.next(); // reader on page 1; pages 2 and 3 arrive and wait
    await settle();
    expect(server.pages()).toEqual([1, 2, 3]);
    await iterator.next(); // second record of page 1
    const error = await iterator.next().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect((error as ListingError).page).toBe(2);
    // Page 2 fails as it is read: no request may go out in its place first.
    expect(server.pages()).toEqual([1, 2, 3]);
  });
});
