/**
 * A typed client of Cincopa's `asset.list.json` that finds an asset's versions (`ver-N`
 * attachments) and tells them apart from its renditions and its original.
 *
 * @module @org/cincopa-versions
 */
export { CincopaClient } from './client.js';
export type { AssetListPage, CallOptions } from './client.js';
export { getAssetVersions } from './get-asset-versions.js';
export { getAssetVersionsMany } from './get-asset-versions-many.js';
export type {
  AssetVersionsOutcome,
  AssetVersionsSource,
  GetAssetVersionsManyOptions,
} from './get-asset-versions-many.js';
export { DEFAULT_LISTING_CONCURRENCY, MAX_LISTING_CONCURRENCY, listAssets } from './list-assets.js';
export type {
  AssetListQuery,
  AssetListing,
  AssetPageSource,
  ListAssetsOptions,
  ListedPage,
  ListingProgress,
  ListingStats,
} from './list-assets.js';
export { auditVersions } from './audit-versions.js';
export type { AuditQuery, AuditVersionsOptions, VersionAudit } from './audit-versions.js';
export { toAuditRecord } from './audit-record.js';
export type { AuditRecord, AuditedVersion } from './audit-record.js';
export type { AuditSummary } from './audit-summary.js';
export { pingResponseSchema } from './ping.js';
export type { PingResult } from './ping.js';
export type { AssetVersions } from './asset-versions.js';
export { extractVersions, parseVersionLabel } from './extract-versions.js';
export type {
  AssetVersion,
  AttachmentSource,
  ExtractedVersions,
  OriginalFile,
  Rendition,
  VersionLabel,
} from './extract-versions.js';
export {
  ASSET_DETAILS,
  DEFAULT_ITEMS_PER_PAGE,
  MAX_ITEMS_PER_PAGE,
  VERSION_DETAILS,
  buildAssetListQuery,
} from './asset-list-request.js';
export type { AssetDetail, AssetListRequest, AssetType } from './asset-list-request.js';
export { BASE_URL_ENV_VAR, DEFAULT_BASE_URL, TOKEN_ENV_VAR } from './client-options.js';
export type { CincopaClientOptions, RetryOptions } from './client-options.js';
export type { ClientHooks, RequestEvent, ResponseEvent, RetryEvent } from './hooks.js';
export {
  ApiError,
  CincopaError,
  InvalidRequestError,
  InvalidResponseError,
  RateLimitedError,
  TransportError,
} from './errors.js';
export { ListingError } from './listing-error.js';
export type {
  ApiErrorCode,
  CincopaErrorCode,
  CincopaErrorInit,
  CincopaIssue,
  InvalidResponseErrorCode,
  TransportErrorCode,
} from './errors.js';
export { assetSchema } from './models/asset.js';
export type { Asset, Uploader } from './models/asset.js';
export { attachmentSchema } from './models/attachment.js';
export type { Attachment } from './models/attachment.js';
export { renditionSchema, renditionMapSchema } from './models/rendition.js';
export type { RenditionData, RenditionMap } from './models/rendition.js';
export { assetListResponseSchema, itemsDataSchema } from './models/asset-list-response.js';
export type { AssetListResponse, Pagination } from './models/asset-list-response.js';
