import type { z } from 'zod';

import {
  type AssetListRequest,
  DEFAULT_ITEMS_PER_PAGE,
  VERSION_DETAILS,
  buildAssetListQuery,
} from './asset-list-request.js';
import type { AssetVersions } from './asset-versions.js';
import {
  type AuditQuery,
  type AuditVersionsOptions,
  type VersionAudit,
  auditPages,
} from './audit-versions.js';
import { type CincopaClientOptions, resolveClientOptions } from './client-options.js';
import { ApiError, InvalidRequestError, InvalidResponseError } from './errors.js';
import { extractVersions } from './extract-versions.js';
import {
  type AssetVersionsOutcome,
  type GetAssetVersionsManyOptions,
  getAssetVersionsMany,
} from './get-asset-versions-many.js';
import { checkCallOptions } from './internal/check-call-options.js';
import { compiledWhenWorthIt } from './internal/compiled-when-worth-it.js';
import { clip } from './internal/excerpt.js';
import { parseEnvelope } from './internal/parse-envelope.js';
import { TOKEN_MASK, type TokenMasker } from './internal/token-mask.js';
import { Transport } from './internal/transport.js';
import type { ArrivedPage } from './listing-walk.js';
import {
  type AssetListQuery,
  type AssetListing,
  type ListAssetsOptions,
  createListing,
} from './list-assets.js';
import type { Asset } from './models/asset.js';
import { type Pagination, assetListResponseSchema } from './models/asset-list-response.js';
import { auditedPageSchema } from './models/audited-asset.js';
import { type PingResult, ping } from './ping.js';

/** Per-call options. */
export interface CallOptions {
  /** Aborts the call, including any wait between retries; it then rejects with `aborted`. */
  readonly signal?: AbortSignal | undefined;
}

/** One parsed page of `asset.list.json`. */
export interface AssetListPage {
  /** The assets on this page, in the server's order. */
  readonly assets: readonly Asset[];
  /** Where this page stands; `null` when the response carried no `items_data`. */
  readonly pagination: Pagination | null;
  /** The request URL with the token masked. */
  readonly requestUrl: string;
}

const ASSET_LIST = 'asset.list.json';

// Shared by every client: a schema is compiled once per process, when it has earned it.
const listPageSchema = compiledWhenWorthIt(assetListResponseSchema);
const auditPageSchema = compiledWhenWorthIt(auditedPageSchema);

/**
 * A client of Cincopa's `asset.list.json`, built to find an asset's versions.
 *
 * The token travels in the query string, as Cincopa requires; the client masks it in every
 * URL, error, hook payload and inspection.
 *
 * @example
 * ```ts
 * import { CincopaClient } from '@org/cincopa-versions';
 *
 * const client = new CincopaClient(); // token from CINCOPA_API_TOKEN
 * const { versions } = await client.getAssetVersions('A1B2C3');
 * for (const version of versions) console.log(version.label, version.filesize);
 * ```
 */
export class CincopaClient {
  readonly #transport: Transport;
  readonly #baseUrl: string;

  /**
   * @throws {InvalidRequestError} `invalid_request` when no token is given or set in
   *   `CINCOPA_API_TOKEN`, or when an option is malformed.
   */
  constructor(options: CincopaClientOptions = {}) {
    const resolved = resolveClientOptions(options);
    this.#transport = new Transport(resolved);
    this.#baseUrl = resolved.baseUrl.toString();
  }

  /**
   * Fetches one asset with its attachment details, in a single request, and separates its
   * versions from its renditions and original.
   *
   * @param rid - The asset's public id.
   * @throws {InvalidRequestError} `invalid_request` for an empty or malformed `rid` or
   *   malformed `options`, before any request.
   * @throws {ApiError} `asset_not_found` when no asset has that rid; `auth_failed`,
   *   `api_error`, `server_error`, `http_error` as their codes say.
   * @throws {RateLimitedError} `rate_limited` when retries ran out or the server asked to
   *   wait longer than `retry.maxRetryAfter`.
   * @throws {TransportError} `timeout`, `network`, `aborted`.
   * @throws {InvalidResponseError} `invalid_response`, `validation_failed`.
   * @example
   * ```ts
   * const result = await client.getAssetVersions('A1B2C3');
   * if (!result.versionsKnown) throw new Error('attachment details were not returned');
   * console.log(`${result.versions.length} versions`, result.original?.filesize);
   * ```
   */
  async getAssetVersions(rid: string, options: CallOptions = {}): Promise<AssetVersions> {
    // Without a rid the request would list every asset instead of looking one up.
    if (rid === undefined) {
      throw new InvalidRequestError('Invalid request: `rid`: is required', [
        { path: ['rid'], message: 'is required' },
      ]);
    }
    const page = await this.listAssetsPage({ rid, details: VERSION_DETAILS }, options);
    const asset = findAsset(page, rid, this.#transport.mask);
    return { rid: asset.rid, asset, ...extractVersions(asset) };
  }

  /**
   * Makes one `asset.list.json` request and returns the parsed page.
   *
   * @throws {InvalidRequestError} `invalid_request` for a malformed request or `options`,
   *   before any request.
   * @throws {CincopaError} as for {@link CincopaClient.getAssetVersions}, except `asset_not_found`.
   */
  async listAssetsPage(
    request: AssetListRequest = {},
    options: CallOptions = {},
  ): Promise<AssetListPage> {
    const arrived = await this.#requestPage(request, options, listPageSchema);
    return arrived();
  }

  // One request; its body is parsed when the page is read, by the schema `schemaFor` gives:
  // the full models, or the audit's.
  async #requestPage<T extends { readonly rid: string }>(
    request: AssetListRequest,
    options: CallOptions,
    schemaFor: (
      characters: number,
    ) => z.ZodType<{ items: T[]; items_data?: Pagination | undefined }>,
  ): Promise<ArrivedPage<T>> {
    const query = buildAssetListQuery(withDefaultPageSize(request));
    const { signal } = checkCallOptions(options);
    const response = await this.#transport.get(ASSET_LIST, query, signal);
    return () => {
      const { mask } = this.#transport;
      const body = parseEnvelope(response, schemaFor(response.body.length), mask);
      return {
        assets: body.items,
        pagination: body.items_data ?? null,
        requestUrl: response.requestUrl,
      };
    };
  }

  /**
   * Every asset matching `query`, across all pages, as an async iterable with a `pages()`
   * view: see {@link listAssets}.
   *
   * @throws {InvalidRequestError} `invalid_request` at once for a malformed query or option.
   * @throws {ListingError} during iteration, naming the page that failed.
   * @example
   * ```ts
   * for await (const asset of client.listAssets({ type: 'video' }, { concurrency: 4 })) {
   *   console.log(asset.rid, asset.filename);
   * }
   * ```
   */
  listAssets(query: AssetListQuery = {}, options: ListAssetsOptions = {}): AssetListing {
    // Each page is parsed when the listing reads it, not as it arrives.
    return createListing(
      (request, callOptions) => this.#requestPage(request, callOptions, listPageSchema),
      query,
      options,
    );
  }

  /**
   * The versions of several assets, one outcome per rid in input order: see
   * {@link getAssetVersionsMany}.
   *
   * @throws {InvalidRequestError} `invalid_request` for a malformed list or option.
   * @throws {TransportError} `aborted` when `signal` aborts.
   */
  getAssetVersionsMany(
    rids: readonly string[],
    options: GetAssetVersionsManyOptions = {},
  ): Promise<AssetVersionsOutcome[]> {
    return getAssetVersionsMany(this, rids, options);
  }

  /**
   * Audits the versions of every asset matching `query`: one record per asset and a
   * running summary; see {@link auditVersions}. Each asset is validated only in the fields
   * its record is made of.
   *
   * @throws {InvalidRequestError} `invalid_request` at once for a malformed query or option.
   * @throws {ListingError} during iteration, naming the page that failed.
   */
  auditVersions(query: AuditQuery = {}, options: AuditVersionsOptions = {}): VersionAudit {
    // The audit's pages are read with a schema of only the fields its records are made of.
    return auditPages(
      (request, callOptions) => this.#requestPage(request, callOptions, auditPageSchema),
      query,
      options,
    );
  }

  /**
   * Checks the token with `ping.json` and returns what Cincopa says it may do.
   *
   * @throws {InvalidRequestError} `invalid_request` for malformed `options`, before any request.
   * @throws {ApiError} `auth_failed` when the token is refused; other codes as for
   *   {@link CincopaClient.listAssetsPage}.
   */
  async ping(options: CallOptions = {}): Promise<PingResult> {
    return ping(this.#transport, checkCallOptions(options));
  }

  /**
   * The URL a request would be sent to, with the token masked: safe to print or log.
   *
   * @throws {InvalidRequestError} `invalid_request` for a malformed request.
   */
  describeRequest(request: AssetListRequest = {}): string {
    const query = buildAssetListQuery(withDefaultPageSize(request));
    return this.#transport.url(ASSET_LIST, query.toString(), true);
  }

  /** A token-free description for `JSON.stringify`. */
  toJSON(): {
    /** The API root the client sends requests to. */
    baseUrl: string;
    /** Always `"***"`: the token is never serialised. */
    apiToken: string;
  } {
    return { baseUrl: this.#baseUrl, apiToken: TOKEN_MASK };
  }

  /** A token-free description for `util.inspect` and `console.log`. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `CincopaClient { baseUrl: '${this.#baseUrl}', apiToken: '${TOKEN_MASK}' }`;
  }
}

// A page size given as `undefined` means the default too, not the server's own default.
function withDefaultPageSize(request: AssetListRequest): AssetListRequest {
  const itemsPerPage = request?.itemsPerPage;
  return {
    ...request,
    itemsPerPage: itemsPerPage === undefined ? DEFAULT_ITEMS_PER_PAGE : itemsPerPage,
  };
}

function findAsset(page: AssetListPage, rid: string, mask: TokenMasker): Asset {
  const asset = page.assets.find((candidate) => candidate.rid === rid);
  if (asset) return asset;
  if (page.assets.length === 0) {
    throw new ApiError(
      'asset_not_found',
      `Asset not found: no asset has the rid ${JSON.stringify(rid)}.`,
      {
        status: 200,
        requestUrl: page.requestUrl,
      },
    );
  }
  // The rids come from the server, which may echo anything, the token included, at any length.
  const received = page.assets.map((candidate) => JSON.stringify(candidate.rid)).join(', ');
  throw new InvalidResponseError(
    'validation_failed',
    `Invalid response: asked for the asset ${JSON.stringify(rid)}, received ${clip(mask(received), 200)}.`,
    {
      status: 200,
      requestUrl: page.requestUrl,
      issues: [{ path: ['items'], message: `no asset has the rid ${JSON.stringify(rid)}` }],
    },
  );
}
