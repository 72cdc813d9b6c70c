import type { AssetListRequest } from './asset-list-request.js';
import type { CallOptions } from './client.js';
import { CincopaError, TransportError } from './errors.js';
import { AbortFanout } from './internal/abort-fanout.js';
import { checkPagination, repeatedPageError, shortListingError } from './internal/page-checks.js';
import { PagePrefetch } from './internal/page-prefetch.js';
import type { AssetListQuery, ListingProgress, ListingStats } from './list-assets.js';
import { ListingError } from './listing-error.js';
import type { Pagination } from './models/asset-list-response.js';

/** What a listing needs of an asset: its rid, to hand each out once. */
export interface Listable {
  readonly rid: string;
}

/** One parsed page, whatever the schema its assets were read with. */
export interface FetchedPage<T extends Listable> {
  readonly assets: readonly T[];
  readonly pagination: Pagination | null;
  /** The request URL with the token masked. */
  readonly requestUrl: string;
}

/**
 * A page whose response has arrived: calling it parses the page, and throws a
 * {@link CincopaError} when the page is invalid.
 */
export type ArrivedPage<T extends Listable> = () => FetchedPage<T>;

/**
 * Sends one page's request; resolves once its response has arrived, with the page still to
 * be parsed, and rejects with a {@link CincopaError} when the request fails. A listing parses
 * each page only when it reads it, so that the pages waiting to be read are held as text.
 */
export type PageFetch<T extends Listable> = (
  request: AssetListRequest,
  options: CallOptions,
) => Promise<ArrivedPage<T>>;

/** One page of a walk: {@link ListedPage} for any asset type. */
export interface WalkedPage<T extends Listable> {
  readonly page: number;
  readonly pagesTotal: number;
  readonly assets: readonly T[];
  readonly pagination: Pagination;
  readonly requestUrl: string;
}

/** A listing's settings, checked and with defaults applied. */
export interface WalkSettings {
  readonly query: AssetListQuery;
  readonly maxItems: number;
  readonly maxPages: number;
  readonly concurrency: number;
  readonly signal: AbortSignal | undefined;
  readonly onProgress: ((progress: ListingProgress) => void) | undefined;
}

type MutableStats = { -readonly [K in keyof ListingStats]: ListingStats[K] };

interface CheckedPage<T extends Listable> {
  readonly listed: FetchedPage<T>;
  readonly pagination: Pagination;
}

/** Stats of a listing that has not started. */
export function emptyStats(): MutableStats {
  return {
    pagesTotal: null,
    pagesDone: 0,
    assetsSeen: 0,
    duplicatesSkipped: 0,
    itemsCount: null,
    countsChanged: false,
    stoppedEarly: null,
  };
}

/**
 * Walks the pages of one listing, updating `stats` as it goes. Requests still in flight when
 * the walk ends (the reader stopped, or a page failed) are aborted.
 */
export async function* walkListing<T extends Listable>(
  fetchPage: PageFetch<T>,
  settings: WalkSettings,
  stats: MutableStats,
): AsyncGenerator<WalkedPage<T>, void, undefined> {
  const requests = new AbortFanout(settings.signal);
  try {
    yield* new Walk(fetchPage, settings, stats, requests).run();
  } finally {
    requests.abort(new DOMException('The listing ended.', 'AbortError'));
    requests.dispose();
  }
}

class Walk<T extends Listable> {
  readonly #fetchPage: PageFetch<T>;
  readonly #settings: WalkSettings;
  readonly #stats: MutableStats;
  readonly #requests: AbortFanout;
  // Every rid handed out: the only state that grows with the account (about 50 bytes per
  // rid), and the only way to promise that no rid is handed out twice whatever the server
  // does with its ordering.
  readonly #seen = new Set<string>();
  #first: Pagination | undefined;
  #full = false;

  constructor(
    fetchPage: PageFetch<T>,
    settings: WalkSettings,
    stats: MutableStats,
    requests: AbortFanout,
  ) {
    this.#fetchPage = fetchPage;
    this.#settings = settings;
    this.#stats = stats;
    this.#requests = requests;
  }

  async *run(): AsyncGenerator<WalkedPage<T>, void, undefined> {
    let page = 1;
    let current = this.#read(await this.#receive(page), page);
    const last = this.#plan(current.pagination);
    const prefetch = new PagePrefetch(
      (next) => this.#receive(next),
      2,
      last,
      this.#settings.concurrency,
    );

    try {
      for (;;) {
        yield this.#accept(current, page, last);
        // An empty page before the last means the data ended early (assets removed, or a
        // `pages_count` overstated): asking for the pages after it would only bring more.
        if (page >= last || this.#full || current.listed.assets.length === 0) break;
        page++;
        this.#throwIfAborted(page, last);
        current = this.#read(await prefetch.take(page), page);
        prefetch.release(page);
      }
    } finally {
      prefetch.close();
    }
    this.#checkComplete(current.listed, page, last);
  }

  async #receive(page: number): Promise<ArrivedPage<T>> {
    try {
      const request = { ...this.#settings.query, page };
      return await this.#requests.run((signal) => this.#fetchPage(request, { signal }));
    } catch (error) {
      throw this.#failed(error, page);
    }
  }

  #read(arrived: ArrivedPage<T>, page: number): CheckedPage<T> {
    try {
      const listed = arrived();
      return { listed, pagination: checkPagination(listed, page) };
    } catch (error) {
      throw this.#failed(error, page);
    }
  }

  #failed(error: unknown, page: number): unknown {
    if (!(error instanceof CincopaError)) return error;
    return new ListingError(error, page, this.#stats.pagesTotal);
  }

  /** How many pages to read, from page 1's figures and the limits; never raised later. */
  #plan(first: Pagination): number {
    const { maxItems, maxPages } = this.#settings;
    const byItems = Math.ceil(maxItems / Math.max(1, first.itemsPerPage));
    const last = Math.max(1, Math.min(first.pagesCount, maxPages, byItems));
    this.#first = first;
    this.#stats.pagesTotal = last;
    this.#stats.itemsCount = first.itemsCount;
    if (last < first.pagesCount) {
      this.#stats.stoppedEarly = last === maxPages ? 'maxPages' : 'maxItems';
    }
    return last;
  }

  #accept({ listed, pagination }: CheckedPage<T>, page: number, last: number): WalkedPage<T> {
    this.#noteCounts(pagination);
    const fresh = this.#fresh(listed.assets);
    if (fresh.length === 0 && listed.assets.length > 0 && !this.#stats.countsChanged) {
      throw new ListingError(repeatedPageError(listed, page), page, last);
    }

    const room = this.#settings.maxItems - this.#stats.assetsSeen;
    const assets = fresh.length > room ? fresh.slice(0, room) : fresh;
    this.#stats.assetsSeen += assets.length;
    this.#full = this.#stats.assetsSeen >= this.#settings.maxItems;
    if (fresh.length > room || (this.#full && page < pagination.pagesCount)) {
      this.#stats.stoppedEarly = 'maxItems';
    }
    this.#stats.pagesDone = page;
    this.#settings.onProgress?.({
      pagesDone: page,
      pagesTotal: last,
      assetsSeen: this.#stats.assetsSeen,
    });
    return { page, pagesTotal: last, assets, pagination, requestUrl: listed.requestUrl };
  }

  #fresh(assets: readonly T[]): T[] {
    const fresh: T[] = [];
    for (const asset of assets) {
      if (this.#seen.has(asset.rid)) {
        this.#stats.duplicatesSkipped++;
        continue;
      }
      this.#seen.add(asset.rid);
      fresh.push(asset);
    }
    return fresh;
  }

  #noteCounts(pagination: Pagination): void {
    const first = this.#first;
    if (!first) return;
    if (
      pagination.itemsCount !== first.itemsCount ||
      pagination.pagesCount !== first.pagesCount ||
      pagination.itemsPerPage !== first.itemsPerPage
    ) {
      this.#stats.countsChanged = true;
    }
  }

  #throwIfAborted(page: number, last: number): void {
    if (!this.#settings.signal?.aborted) return;
    const aborted = new TransportError(
      'aborted',
      'Aborted: the caller aborted the listing.',
      false,
      {},
    );
    throw new ListingError(aborted, page, last);
  }

  /**
   * A listing that read every page must hold what page 1 announced, unless counts changed.
   * `page` is the page the walk ended on: the last one, or an empty one before it.
   */
  #checkComplete(listed: FetchedPage<T>, page: number, last: number): void {
    const { stoppedEarly, countsChanged, itemsCount, assetsSeen } = this.#stats;
    if (stoppedEarly !== null || countsChanged || itemsCount === null) return;
    if (assetsSeen >= itemsCount) return;
    throw new ListingError(shortListingError(listed, itemsCount, assetsSeen), page, last);
  }
}
