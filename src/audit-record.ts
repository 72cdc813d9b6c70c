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
// `extractVersions` returns; and it runs for every asset of an audit, so it allocates little
// beyond the record: no map or list for an asset without versions.
export function toAuditRecord(asset: AuditedAsset): AuditRecord {
  const collected: Collected = { byNumber: undefined, original: null };
  collect(collected, asset.attached);
  collect(collected, asset.attached_versions);
  const { original } = collected;

  let unknownSizes = original?.filesize === null ? 1 : 0;
  const versions: AuditedVersion[] = [];
  let versionBytes = 0;
  if (collected.byNumber) {
    for (const { label, number, filesize } of collected.byNumber.values()) {
      insertInOrder(versions, { label, number, filesize });
      if (filesize === null) unknownSizes++;
      else versionBytes += filesize;
    }
  }
  let renditions = 0;
  let renditionBytes = 0;
  const map = asset.versions ?? {};
  for (const key in map) {
    const filesize = (map[key] as { filesize: number | null }).filesize;
    renditions++;
    if (filesize === null) unknownSizes++;
    else renditionBytes += filesize;
  }

  return {
    rid: asset.rid,
    filename: asset.filename ?? null,
    type: asset.type ?? null,
    versionsKnown: Array.isArray(asset.attached) || Array.isArray(asset.attached_versions),
    versions,
    versionBytes,
    original,
    renditions,
    renditionBytes,
    unknownSizes,
  };
}

/** What {@link toAuditRecord} has read of an asset's attachments so far. */
interface Collected {
  byNumber: Map<number, CollectedVersion> | undefined;
  original: { filesize: number | null } | null;
}

function collect(collected: Collected, list: AuditedAsset['attached']): void {
  for (const attachment of list ?? []) {
    const number = parseVersionLabel(attachment.type);
    const filesize = attachmentSize(attachment);
    const first = number === null ? undefined : collected.byNumber?.get(number);
    if (number !== null && !first) {
      const { rid = null, id = null } = attachment;
      collected.byNumber ??= new Map();
      collected.byNumber.set(number, {
        label: attachment.type as VersionLabel,
        number,
        filesize,
        rid,
        id,
      });
    } else if (first) {
      // The same file again fills in the size and ids it lacked; another file under the
      // label is no version.
      if (isSameAttachment(first, attachment)) {
        first.filesize ??= filesize;
        first.rid ??= attachment.rid ?? null;
        first.id ??= attachment.id ?? null;
      }
    } else if (attachment.type === 'original') {
      collected.original ??= { filesize };
    }
  }
}

// Into numeric order as it goes: an asset has a handful of versions, for which `Array#sort`
// would allocate a working copy on every record.
function insertInOrder(versions: AuditedVersion[], version: AuditedVersion): void {
  let at = versions.length;
  while (at > 0 && (versions[at - 1] as AuditedVersion).number > version.number) {
    versions[at] = versions[at - 1] as AuditedVersion;
    at--;
  }
  versions[at] = version;
}
