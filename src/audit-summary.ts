import type { AuditRecord } from './audit-record.js';

/**
 * The totals of an audit. Sizes are in bytes and count only what is known: a size that is
 * unknown is counted in `unknownSizes`, never as 0.
 */
export interface AuditSummary {
  /** Assets audited. */
  readonly assets: number;
  /** Assets with at least one version. */
  readonly assetsWithVersions: number;
  /** Versions across all assets. */
  readonly versions: number;
  /** Bytes of every version whose size is known. */
  readonly versionBytes: number;
  /** Bytes of every `original` attachment whose size is known. */
  readonly originalBytes: number;
  /** Bytes of every rendition (each key of an asset's `versions` map) whose size is known. */
  readonly renditionBytes: number;
  /** Versions, originals and renditions whose size is unknown. */
  readonly unknownSizes: number;
  /** Assets whose versions could not be seen: they came without attachment details. */
  readonly versionsUnknown: number;
}

type Totals = { -readonly [K in keyof AuditSummary]: AuditSummary[K] };

/** A summary of nothing yet. */
export function emptySummary(): Totals {
  return {
    assets: 0,
    assetsWithVersions: 0,
    versions: 0,
    versionBytes: 0,
    originalBytes: 0,
    renditionBytes: 0,
    unknownSizes: 0,
    versionsUnknown: 0,
  };
}

/** Adds one record to `summary`, in place: an audit keeps nothing else. */
export function addToSummary(summary: Totals, record: AuditRecord): void {
  summary.assets++;
  if (record.versions.length > 0) summary.assetsWithVersions++;
  if (!record.versionsKnown) summary.versionsUnknown++;
  summary.versions += record.versions.length;
  summary.versionBytes += record.versionBytes;
  const originalSize = record.original?.filesize;
  if (originalSize !== undefined && originalSize !== null) summary.originalBytes += originalSize;
  summary.renditionBytes += record.renditionBytes;
  summary.unknownSizes += record.unknownSizes;
}
