import { type VersionLabel, extractVersions } from './extract-versions.js';
import type { Asset } from './models/asset.js';

/** One version in an audit record. */
export interface AuditedVersion {
  /** The label, for example `"ver-2"`. */
  readonly label: VersionLabel;
  /** N of `ver-N`. */
  readonly number: number;
  /** Size in bytes; `null` when unknown. */
  readonly filesize: number | null;
}

/** What an audit reports about one asset: small, flat, and free of the raw asset. */
export interface AuditRecord {
  /** The asset's public id. */
  readonly rid: string;
  /** The asset's file name, if given. */
  readonly filename: string | null;
  /** The asset's type (`video`, `image`, …), if given. */
  readonly type: string | null;
  /**
   * Whether the response carried attachment details. When `false`, `versions` is empty
   * because nothing could be seen, not because there are none.
   */
  readonly versionsKnown: boolean;
  /** The versions, in numeric order. */
  readonly versions: readonly AuditedVersion[];
  /** Bytes of the versions whose size is known. */
  readonly versionBytes: number;
  /** The original upload, when an `original` attachment is present. */
  readonly original: {
    /** Size in bytes; `null` when unknown. */
    readonly filesize: number | null;
  } | null;
  /** How many renditions (keys of the asset's `versions` map) the asset has. */
  readonly renditions: number;
  /** Bytes of the renditions whose size is known. */
  readonly renditionBytes: number;
  /** Versions, original and renditions of this asset whose size is unknown. */
  readonly unknownSizes: number;
}

/** Reduces an asset to its audit record. Pure. */
export function toAuditRecord(asset: Asset): AuditRecord {
  const extracted = extractVersions(asset);
  const versions = extracted.versions.map(({ label, number, filesize }) => ({
    label,
    number,
    filesize,
  }));
  const renditionSizes = extracted.renditions.map((rendition) => rendition.filesize);
  const original = extracted.original && { filesize: extracted.original.filesize };
  const sizes = [
    ...versions.map((version) => version.filesize),
    ...renditionSizes,
    ...(original ? [original.filesize] : []),
  ];
  return {
    rid: asset.rid,
    filename: asset.filename ?? null,
    type: asset.type ?? null,
    versionsKnown: extracted.versionsKnown,
    versions,
    versionBytes: sumKnown(versions.map((version) => version.filesize)),
    original,
    renditions: renditionSizes.length,
    renditionBytes: sumKnown(renditionSizes),
    unknownSizes: sizes.filter((size) => size === null).length,
  };
}

function sumKnown(sizes: readonly (number | null)[]): number {
  let total = 0;
  for (const size of sizes) if (size !== null) total += size;
  return total;
}
