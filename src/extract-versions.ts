import type { Asset } from './models/asset.js';
import type { Attachment } from './models/attachment.js';
import type { RenditionData } from './models/rendition.js';

/** A version's label: `ver-` and a positive whole number. */
export type VersionLabel = `ver-${number}`;

/** Which list of the asset an attachment was read from. */
export type AttachmentSource = 'attached' | 'attached_versions';

/** One version of an asset: an attachment labelled `ver-N`, created by a trim or replace. */
export interface AssetVersion {
  /** The label as Cincopa wrote it, for example `"ver-2"`. */
  readonly label: VersionLabel;
  /** N of `ver-N`: 2 for `"ver-2"`. Versions are ordered by it. */
  readonly number: number;
  /** The attachment's internal id, if given. */
  readonly id: string | null;
  /** The attachment's public id, if given. */
  readonly rid: string | null;
  /** The version's file name, if given. */
  readonly filename: string | null;
  /** Where the version's file is served from, if given. */
  readonly url: string | null;
  /**
   * Size in bytes: the attachment's own `filesize`, else its `versions.original` size;
   * `null` when neither is known (never 0 for unknown).
   */
  readonly filesize: number | null;
  /** The list the version was found in (the first, when both hold it). */
  readonly source: AttachmentSource;
  /** The attachment as parsed, with every field Cincopa sent. */
  readonly attachment: Attachment;
}

/** The original upload of an asset: its attachment of type `original`. */
export interface OriginalFile {
  /** The attachment's public id, if given. */
  readonly rid: string | null;
  /** The original's file name, if given. */
  readonly filename: string | null;
  /** Where the original is served from, if given. */
  readonly url: string | null;
  /** Size in bytes, found as for a version; `null` when unknown. */
  readonly filesize: number | null;
  /** The attachment as parsed. */
  readonly attachment: Attachment;
}

/** One rendition (encoding or thumbnail) of an asset: an entry of its `versions` map. */
export interface Rendition {
  /** The rendition id, the map's key: `"mp4_hd"`, `"jpg_1200x900"`, `"original"`. */
  readonly key: string;
  /** Cincopa's name for it, if given. */
  readonly name: string | null;
  /** Its media type, if given. */
  readonly mime: string | null;
  /** Where it is served from, if given. */
  readonly url: string | null;
  /** Size in bytes; `null` when unknown. */
  readonly filesize: number | null;
}

/** An asset's files, told apart: versions, the original, renditions and the rest. */
export interface ExtractedVersions {
  /**
   * Whether the asset carried attachment details (`attached` or `attached_versions`). When
   * `false`, `versions` is empty because nothing could be seen, not because there are none:
   * fetch the asset with those details to know.
   */
  readonly versionsKnown: boolean;
  /** The versions, one per number, in numeric order (ver-2 before ver-10). */
  readonly versions: readonly AssetVersion[];
  /** The original upload, when an `original` attachment is present. */
  readonly original: OriginalFile | null;
  /** The renditions, one per key of the asset's `versions` map; empty when it is absent. */
  readonly renditions: readonly Rendition[];
  /**
   * Attachments that are neither versions nor the original: subtitles, thumbnails, etc.;
   * also a second `original`, and an attachment labelled with a version number that another
   * attachment (a different `rid` or `id`) already holds, so that no file is ever dropped.
   */
  readonly otherAttachments: readonly Attachment[];
}

// Written as Cincopa writes it: no sign, no leading zero, so that each number has one label.
const VERSION_LABEL = /^ver-[1-9]\d*$/;

/**
 * Parses a version label. Only `ver-N` with N a positive whole number, written without a
 * leading zero, is a version; `original`, `ver-`, `ver-0`, `ver-01`, `ver-1.5`, `ver--3` and
 * `VER-4` are not.
 *
 * @returns N, or `null` when the label is not a version's.
 */
export function parseVersionLabel(label: string | null | undefined): number | null {
  // `test` and a slice rather than `exec`, whose match array every attachment would allocate.
  if (!label || !VERSION_LABEL.test(label)) return null;
  const number = Number(label.slice('ver-'.length));
  return number >= 1 && Number.isSafeInteger(number) ? number : null;
}

/**
 * Separates an asset's versions (`ver-N` attachments) from its renditions (the `versions`
 * map) and its original. Pure: no I/O, and the asset is not changed.
 *
 * Versions are read from both `attached` and `attached_versions`; a version present in both
 * is reported once, from `attached`, with its size taken from the other list if only that
 * one knows it. Two entries with the same label are the same version unless their `rid`s or
 * `id`s differ; a different attachment under a label already taken goes to
 * `otherAttachments`.
 *
 * @example
 * ```ts
 * const { versions, original, renditions } = extractVersions(asset);
 * for (const version of versions) console.log(version.label, version.filesize);
 * ```
 */
export function extractVersions(asset: Asset): ExtractedVersions {
  const sorted: SortedAttachments = { byNumber: new Map(), original: null, others: [] };
  // Plain loops, not a generator of [attachment, source] pairs: this runs for every asset of
  // a page, and the generator and its pairs were a third of the extraction's time.
  for (const attachment of asset.attached ?? []) sortAttachment(sorted, attachment, 'attached');
  for (const attachment of asset.attached_versions ?? []) {
    sortAttachment(sorted, attachment, 'attached_versions');
  }

  return {
    versionsKnown: Array.isArray(asset.attached) || Array.isArray(asset.attached_versions),
    versions: [...sorted.byNumber.values()].sort((a, b) => a.number - b.number),
    original: sorted.original,
    renditions: renditionsOf(asset),
    otherAttachments: sorted.others,
  };
}

/** An asset's attachments as {@link extractVersions} sorts them. */
interface SortedAttachments {
  readonly byNumber: Map<number, AssetVersion>;
  original: OriginalFile | null;
  readonly others: Attachment[];
}

function sortAttachment(
  sorted: SortedAttachments,
  attachment: Attachment,
  source: AttachmentSource,
): void {
  const number = parseVersionLabel(attachment.type);
  const taken = number === null ? undefined : sorted.byNumber.get(number);
  if (number !== null && (taken === undefined || isSameAttachment(taken, attachment))) {
    const version = toVersion(attachment, number, source);
    sorted.byNumber.set(number, mergeVersion(taken, version));
  } else if (attachment.type === 'original' && sorted.original === null) {
    sorted.original = toOriginal(attachment);
  } else {
    sorted.others.push(attachment);
  }
}

/** What the size and identity rules read of an attachment; an audit's page has only this. */
export interface AttachmentFacts {
  readonly id?: string | null | undefined;
  readonly rid?: string | null | undefined;
  readonly filesize: number | null;
  readonly versions?:
    { readonly original?: { readonly filesize: number | null } | undefined } | null | undefined;
}

/** An attachment's size: its own `filesize`, else its `versions.original` size. */
export function attachmentSize(attachment: AttachmentFacts): number | null {
  return attachment.filesize ?? attachment.versions?.original?.filesize ?? null;
}

function attachmentUrl(attachment: Attachment): string | null {
  return attachment.url ?? attachment.content?.url ?? null;
}

function toVersion(attachment: Attachment, number: number, source: AttachmentSource): AssetVersion {
  return {
    label: attachment.type as VersionLabel,
    number,
    id: attachment.id ?? null,
    rid: attachment.rid ?? null,
    filename: attachment.filename ?? null,
    url: attachmentUrl(attachment),
    filesize: attachmentSize(attachment),
    source,
    attachment,
  };
}

// Ids absent on either side cannot tell two entries apart: they are read as one.
/** Whether `attachment` is the file `version` was read from, as far as their ids tell. */
export function isSameAttachment(
  version: { readonly rid: string | null; readonly id: string | null },
  attachment: AttachmentFacts,
): boolean {
  const differs = (a: string | null, b: string | null | undefined) =>
    a !== null && b != null && a !== b;
  return !differs(version.rid, attachment.rid) && !differs(version.id, attachment.id);
}

// The same file seen again fills in what the first entry lacked, its ids included, so that
// a later entry is told apart by every id seen so far.
function mergeVersion(first: AssetVersion | undefined, next: AssetVersion): AssetVersion {
  if (!first) return next;
  return {
    ...first,
    rid: first.rid ?? next.rid,
    id: first.id ?? next.id,
    filesize: first.filesize ?? next.filesize,
  };
}

function toOriginal(attachment: Attachment): OriginalFile {
  return {
    rid: attachment.rid ?? null,
    filename: attachment.filename ?? null,
    url: attachmentUrl(attachment),
    filesize: attachmentSize(attachment),
    attachment,
  };
}

function renditionsOf(asset: Asset): Rendition[] {
  const renditions: Rendition[] = [];
  const map = asset.versions ?? {};
  for (const key in map) {
    const rendition = map[key] as RenditionData;
    renditions.push({
      key,
      name: rendition.name ?? null,
      mime: rendition.mime ?? null,
      url: rendition.url ?? null,
      filesize: rendition.filesize,
    });
  }
  return renditions;
}
