import { type VersionLabel, parseVersionLabel } from './extract-versions.js';
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

type AuditedAttachment = NonNullable<AuditedAsset['attached']>[number];

/** A version being collected: its size may still come from the other attachment list. */
interface VersionSize {
  readonly label: VersionLabel;
  readonly number: number;
  filesize: number | null;
}

/** The ids of the attachment a version was first read from. */
interface VersionIds {
  readonly rid: string | null;
  readonly id: string | null;
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
  const byNumber = new Map<number, VersionSize & VersionIds>();
  let original: { filesize: number | null } | null = null;
  for (const list of [asset.attached, asset.attached_versions]) {
    for (const attachment of list ?? []) {
      const number = parseVersionLabel(attachment.type);
      if (number !== null) collectVersion(byNumber, attachment, number);
      else if (attachment.type === 'original' && original === null) {
        original = { filesize: attachmentSize(attachment) };
      }
    }
  }
  const versions = [...byNumber.values()]
    .sort((a, b) => a.number - b.number)
    .map(({ label, number, filesize }) => ({ label, number, filesize }));
  const renditions = renditionSizes(asset);
  const known = knownSizes(versions.map((version) => version.filesize));

  return {
    rid: asset.rid,
    filename: asset.filename ?? null,
    type: asset.type ?? null,
    versionsKnown: Array.isArray(asset.attached) || Array.isArray(asset.attached_versions),
    versions,
    versionBytes: known.bytes,
    original,
    renditions: renditions.count,
    renditionBytes: renditions.bytes,
    unknownSizes: known.unknown + renditions.unknown + (original?.filesize === null ? 1 : 0),
  };
}

function collectVersion(
  byNumber: Map<number, VersionSize & VersionIds>,
  attachment: AuditedAttachment,
  number: number,
): void {
  const filesize = attachmentSize(attachment);
  const first = byNumber.get(number);
  if (!first) {
    const ids = { rid: attachment.rid ?? null, id: attachment.id ?? null };
    byNumber.set(number, { label: attachment.type as VersionLabel, number, filesize, ...ids });
  } else if (isSameAttachment(first, attachment) && first.filesize === null) {
    first.filesize = filesize;
  }
}

// Ids absent on either side cannot tell two entries apart: they are read as one.
function isSameAttachment(first: VersionIds, attachment: AuditedAttachment): boolean {
  const differs = (a: string | null, b: string | null | undefined) =>
    a !== null && b != null && a !== b;
  return !differs(first.rid, attachment.rid) && !differs(first.id, attachment.id);
}

function attachmentSize(attachment: AuditedAttachment): number | null {
  return attachment.filesize ?? attachment.versions?.original?.filesize ?? null;
}

function renditionSizes(asset: AuditedAsset) {
  const sizes: (number | null)[] = [];
  const map = asset.versions ?? {};
  for (const key in map) sizes.push(map[key]?.filesize ?? null);
  return { count: sizes.length, ...knownSizes(sizes) };
}

function knownSizes(sizes: readonly (number | null)[]): { bytes: number; unknown: number } {
  let bytes = 0;
  let unknown = 0;
  for (const size of sizes) {
    if (size === null) unknown++;
    else bytes += size;
  }
  return { bytes, unknown };
}
