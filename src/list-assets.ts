import { z } from 'zod';

import { type AssetListRequest, buildAssetListQuery } from './asset-list-request.js';
import type { AssetListPage, CallOptions } from './client.js';
import { InvalidRequestError } from './errors.js';
import { functionSchema, signalSchema } from './internal/option-schemas.js';
import { parseInput } from './internal/parse-input.js';
import {
  type Listable,
  type PageFetch,
  type WalkedPage,
  emptyStats,
  walkListing,
} from './listing-walk.js';
import type { Asset } from './models/asset.js';
import type { Pagination } from './models/asset-list-response.js';

/** The parameters of a listing: those of one request except `page`, which the listing walks. */
export type AssetListQuery = Omit<AssetListRequest, 'page'>;

/** How far a listing has come; sent to `onProgress` after each page, in page order. */
export interface ListingProgress {
  /** Pages read so far. */
  readonly pagesDone: number;
  /** Pages the listing reads in all (see {@link ListingStats.pagesTotal}). */
  readonly pagesTotal: number;
  /** Distinct assets handed out so far. */
  readonly assetsSeen: number;
}

/** Options of a listing. Every one is optional. */
export interface ListAssetsOptions extends CallOptions {
  /** Stop after this many assets; only the pages needed are fetched. @default no limit */
  readonly maxItems?: number | undefined;
  /** Stop after this many pages. @default no limit (page 1's `pages_count`) */
  readonly maxPages?: number | undefined;
  /**
   * Pages fetched at the same time, from 1 to {@link MAX_LISTING_CONCURRENCY}; each waits
   * in memory until its turn. @default 4
   */
  readonly concurrency?: number | undefined;
  /** Called after each page, in page order. An exception it throws ends the listing. */
  readonly onProgress?: ((progress: ListingProgress) => void) | undefined;
}

/** One page of a listing, as {@link AssetListing.pages} hands it out. */
export interface ListedPage {
  /** The 1-based page number, as asked and as the server echoed it. */
  readonly page: number;
  /** Pages the listing reads in all. */
  readonly pagesTotal: number;
  /** The page's assets not handed out before, in the server's order. */
  readonly assets: readonly Asset[];
  /** The page's `items_data`, as the server sent it. */
  readonly pagination: Pagination;
  /** The request URL with the token masked. */
  readonly requestUrl: string;
}

/** What a listing has seen; final once its iteration ended. */
export interface ListingStats {
  /**
   * Pages the listing reads: page 1's `pages_count` (at least 1), lowered by `maxPages` and
   * `maxItems`; `null` until page 1 arrived. Later pages never raise it.
   */
  readonly pagesTotal: number | null;
  /** Pages read so far. */
  readonly pagesDone: number;
  /** Distinct assets handed out. */
  readonly assetsSeen: number;
  /** Assets left out because their rid had been handed out already. */
  readonly duplicatesSkipped: number;
  /** The number of matching assets page 1 announced (`items_count`); `null` before page 1. */
  readonly itemsCount: number | null;
  /**
   * Whether a later page announced other counts than page 1: the account changed during the
   * listing, so assets added or removed meanwhile may be missing from it.
   */
  readonly countsChanged: boolean;
  /** Which limit ended the listing before its last page, if one did. */
  readonly stoppedEarly: 'maxItems' | 'maxPages' | null;
}

/**
 * Every asset matching a query, across all pages of `asset.list.json`: iterate it with
 * `for await`. Each iteration walks the pages afresh.
 */
export interface AssetListing extends AsyncIterable<Asset> {
  /** The same walk, one page at a time. */
  pages(): AsyncIterableIterator<ListedPage>;
  /** What the current (or last) iteration has seen. */
  readonly stats: ListingStats;
}

/** Reads one page of `asset.list.json`; {@link CincopaClient} is one. */
export interface AssetPageSource {
  /** Fetches and parses one page; rejects with a {@link CincopaError} on failure. */
  listAssetsPage(request: AssetListRequest, options?: CallOptions): Promise<AssetListPage>;
}

/** Pages a listing fetches at the same time unless told otherwise. */
export const DEFAULT_LISTING_CONCURRENCY = 4;

/** The most pages a listing fetches at the same time. */
export const MAX_LISTING_CONCURRENCY = 16;

const count = (name: string) =>
  z.number().int(`must be a whole number of ${name}`).min(1, 'must be 1 or more');

const optionsSchema = z
  .strictObject({
    signal: signalSchema,
    maxItems: count('assets'),
    maxPages: count('pages'),
    concurrency: count('requests').max(
      MAX_LISTING_CONCURRENCY,
      `must be at most ${MAX_LISTING_CONCURRENCY}`,
    ),
    onProgress: functionSchema,
  })
  .partial();

/**
 * Lists every asset matching `query` across all pages: page 1 tells how many pages there
 * are, the rest are fetched `concurrency` at a time and handed out in page order. No request
 * is made past the last page, none is made twice, and no rid is handed out twice (the
 * listing remembers the rids it handed out: about 50 bytes each). At most `concurrency`
 * requests are in flight; a page's response frees its place as soon as it arrives, so one
 * slow page holds back no other, and at most 2 × `concurrency` pages are requested ahead of
 * the reader (with a client, those that arrived wait as text until read). An empty page
 * before the last ends the walk, so an overstated `pages_count` costs at most 2 ×
 * `concurrency` requests.
 *
 * Nothing is sent until iteration starts. Failures end the iteration with a
 * {@link ListingError} naming the page, never with a silently short listing.
 *
 * @example
 * ```ts
 * const client = new CincopaClient();
 * for await (const asset of listAssets(client, { type: 'video' }, { concurrency: 4 })) {
 *   console.log(asset.rid, asset.filename);
 * }
 * ```
 * @throws {InvalidRequestError} `invalid_request` at once, before any request, for a
 *   malformed query or option.
 * @throws {ListingError} during iteration, with the code of the failure on that page:
 *   `validation_failed` when a page echoes another page number, repeats an earlier page or
 *   the pages hold fewer assets than page 1 announced, and any code of
 *   {@link CincopaClient.listAssetsPage}.
 */
export function listAssets(
  source: AssetPageSource,
  query: AssetListQuery = {},
  options: ListAssetsOptions = {},
): AssetListing {
  return createListing(pagesOf(source), query, options);
}

/** Pages read with `source`, which parses each page before handing it over. */
export function pagesOf(source: AssetPageSource): PageFetch<Asset> {
  return async (request, options) => {
    const page = await source.listAssetsPage(request, options);
    return () => page;
  };
}

/** A listing of any asset type: what {@link listAssets} and an audit both walk. */
export interface Listing<T extends Listable> extends AsyncIterable<T> {
  pages(): AsyncIterableIterator<WalkedPage<T>>;
  readonly stats: ListingStats;
}

/**
 * The listing behind {@link listAssets}, with pages read by `fetchPage`: an audit passes one
 * that reads only the fields it needs.
 *
 * @throws {InvalidRequestError} `invalid_request` at once for a malformed query or option.
 */
export function createListing<T extends Listable>(
  fetchPage: PageFetch<T>,
  query: AssetListQuery,
  options: ListAssetsOptions,
): Listing<T> {
  const settings = checkOptions(options);
  checkQuery(query);
  const stats = { current: emptyStats() };
  const walk = () => {
    stats.current = emptyStats();
    return walkListing(fetchPage, { ...settings, query }, stats.current);
  };
  return {
    pages: walk,
    get stats() {
      return { ...stats.current };
    },
    async *[Symbol.asyncIterator]() {
      for await (const page of walk()) yield* page.assets;
    },
  };
}

function checkOptions(options: ListAssetsOptions) {
  const { maxItems, maxPages, concurrency, signal } = parseInput(
    optionsSchema,
    options,
    'Invalid listing options',
  );
  return {
    maxItems: maxItems ?? Number.POSITIVE_INFINITY,
    maxPages: maxPages ?? Number.POSITIVE_INFINITY,
    concurrency: concurrency ?? DEFAULT_LISTING_CONCURRENCY,
    signal,
    // Checked above to be a function; the schema cannot spell its parameter's type.
    onProgress: options.onProgress,
  };
}

function checkQuery(query: AssetListQuery): void {
  if ('page' in query && query.page !== undefined) {
    const message = 'is chosen by the listing; leave it out';
    throw new InvalidRequestError(`Invalid request: \`page\`: ${message}.`, [
      { path: ['page'], message },
    ]);
  }
  buildAssetListQuery(query);
}
