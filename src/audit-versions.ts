import { type AuditRecord, toAuditRecord } from './audit-record.js';
import { type AuditSummary, addToSummary, emptySummary } from './audit-summary.js';
import {
  type AssetListQuery,
  type AssetPageSource,
  type ListAssetsOptions,
  type ListingStats,
  createListing,
  pagesOf,
} from './list-assets.js';
import type { PageFetch } from './listing-walk.js';
import type { AuditedAsset } from './models/audited-asset.js';

/** The filters of an audit: those of a listing, whose `details` the audit chooses. */
export type AuditQuery = Omit<AssetListQuery, 'details'>;

/** Options of an audit: those of a listing. */
export type AuditVersionsOptions = ListAssetsOptions;

/**
 * An account-wide audit of versions: iterate it with `for await` to receive one
 * {@link AuditRecord} per asset, then read `summary`. Each iteration audits afresh.
 */
export interface VersionAudit extends AsyncIterable<AuditRecord> {
  /** The totals so far; final once the iteration ended without an error. */
  readonly summary: AuditSummary;
  /** What the listing under the audit has seen: pages, duplicates, changed counts. */
  readonly stats: ListingStats;
}

/**
 * Audits the versions of every asset matching `query`. The assets are listed with their
 * attachment details, a page at a time, so an audit of N assets makes ceil(N / page size)
 * requests, never one per asset. What it keeps stays flat: records are handed out as they
 * come, and only the summary (and the listing's rids, about 50 bytes each) is kept.
 *
 * @example
 * ```ts
 * const audit = client.auditVersions({ type: 'video', itemsPerPage: 200 });
 * for await (const record of audit) {
 *   if (record.versions.length > 0) console.log(record.rid, record.versions.length);
 * }
 * console.log(audit.summary.versionBytes, audit.summary.unknownSizes);
 * ```
 * @throws {InvalidRequestError} `invalid_request` at once for a malformed query or option.
 * @throws {ListingError} during iteration, naming the page that failed, as
 *   {@link listAssets} does.
 */
export function auditVersions(
  source: AssetPageSource,
  query: AuditQuery = {},
  options: AuditVersionsOptions = {},
): VersionAudit {
  return auditPages(pagesOf(source), query, options);
}

/**
 * The audit behind {@link auditVersions}, with pages read by `fetchPage`: a client passes one
 * that validates only the fields a record is made of.
 *
 * @throws {InvalidRequestError} `invalid_request` at once for a malformed query or option.
 */
export function auditPages(
  fetchPage: PageFetch<AuditedAsset>,
  query: AuditQuery,
  options: AuditVersionsOptions,
): VersionAudit {
  // Only the attachment lists its records read, so that the server neither builds nor sends
  // the other blocks.
  const details = ['attached', 'attached_versions'] as const;
  const listing = createListing(fetchPage, { ...query, details }, options);
  let summary = emptySummary();
  return {
    get summary() {
      return { ...summary };
    },
    get stats() {
      return listing.stats;
    },
    async *[Symbol.asyncIterator]() {
      summary = emptySummary();
      // Page by page: one asynchronous step per page, not one more per asset.
      for await (const page of listing.pages()) {
        for (const asset of page.assets) {
          const record = toAuditRecord(asset);
          addToSummary(summary, record);
          yield record;
        }
      }
    },
  };
}
