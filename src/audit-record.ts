import {
  type VersionLabel,
  attachmentSize,
  isSameAttachment,
  parseVersionLabel,
} from './extract-versions.js';
import type { AuditedAsset } from './models/audited-asset.js';

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

/** A version being collected, with the ids of the attachment it was first read from. */
interface CollectedVersion {
  readonly label: VersionLabel;
  readonly number: number;
  filesize: number | null;
  rid: string | null;
  id: string | null;
}

/**
 * Reduces an asset to its audit record, by the rules of {@link extractVersions}: versions
 * are read from `attached` then `attached_versions`, once per number, with the size from
 * the other list when only it knows it; a different attachment (another `rid` or `id`)
 * under a label already taken is not that version; the original is the first `original`
 * attachment. Takes a full {@link Asset} too. Pure.
 */
// It reads sizes only, so it walks the lists itself instead of building the full versions
// `extractVersions` returns: this runs for every asset of an audit.
export function toAuditRecord(asset: AuditedAsset): AuditRecord {
  const byNumber = new Map<number, CollectedVersion>();
  let original: { filesize: number | null } | null = null;
  for (const list of [asset.attached, asset.attached_versions]) {
    for (const attachment of list ?? []) {
      const number = parseVersionLabel(attachment.type);
      const filesize = attachmentSize(attachment);
      const first = number === null ? undefined : byNumber.get(number);
      if (number !== null && !first) {
        const { rid = null, id = null } = attachment;
        byNumber.set(number, { label: attachment.type as VersionLabel, number, filesize, rid, id });
      } else if (first) {
        // The same file again fills in the size and ids it lacked; another file under the
        // label is no version.
        if (isSameAttachment(first, attachment)) {
          first.filesize ??= filesize;
          first.rid ??= attachment.rid ?? null;
          first.id ??= attachment.id ?? null;
        }
      } else if (attachment.type === 'original') {
        original ??= { filesize };
      }
    }
  }
  const versions = [...byNumber.values()]
    .sort((a, b) => a.number - b.number)
    .map(({ label, number, filesize }) => ({ label, number, filesize }));
  const renditionSizes = Object.values(asset.versions ?? {}).map(({ filesize }) => filesize);
  const sizes = { unknown: original?.filesize === null ? 1 : 0 };
  const versionBytes = sumKnown(
    versions.map(({ filesize }) => filesize),
    sizes,
  );
  const renditionBytes = sumKnown(renditionSizes, sizes);

  return {
    rid: asset.rid,
    filename: asset.filename ?? null,
    type: asset.type ?? null,
    versionsKnown: Array.isArray(asset.attached) || Array.isArray(asset.attached_versions),
    versions,
    versionBytes,
    original,
    renditions: renditionSizes.length,
    renditionBytes,
    unknownSizes: sizes.unknown,
  };
}

// Adds up the known sizes, and counts the unknown ones into `sizes`.
function sumKnown(values: readonly (number | null)[], sizes: { unknown: number }): number {
  let bytes = 0;
  for (const size of values) {
    if (size === null) sizes.unknown++;
    else bytes += size;
  }
  return bytes;
}
