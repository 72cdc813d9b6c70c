import { z } from 'zod';

import { byteSizeSchema, idSchema, textSchema } from './php-values.js';
import { renditionMapSchema } from './rendition.js';

/** Where an attachment's file is served from, and whether it is ready. */
export const attachmentContentSchema = z.looseObject({
  /** The file's media type. */
  type: textSchema,
  /** Where the file is served from. */
  url: textSchema,
  /** Whether the file is ready, for example `"synced"`. */
  syncstatus: textSchema,
});

/**
 * An entry of an asset's `attached` or `attached_versions` list. Its `type` tells what it
 * is: `ver-N` is a version, `original` the original upload, anything else (subtitles,
 * thumbnails) another attachment. Unknown fields are kept.
 */
export const attachmentSchema = z.looseObject({
  /** Cincopa's internal id of the attachment, read as text. */
  id: idSchema.nullish(),
  /** The attachment's public id. */
  rid: textSchema,
  /** What the attachment is: `ver-N` (a version), `original`, or another kind. */
  type: textSchema,
  /** The attachment's file name. */
  filename: textSchema,
  /** Size in bytes; `null` when unknown (then see `versions.original`). */
  filesize: byteSizeSchema,
  /** Where the attachment is served from, when given here. */
  url: textSchema,
  /** The attachment's file: media type, URL and readiness. */
  content: attachmentContentSchema.nullish(),
  /** The attachment's own renditions; its `original` entry carries the real size. */
  versions: renditionMapSchema.nullish(),
});

/** A parsed attachment; `filesize` is in bytes, `null` when unknown. */
export type Attachment = z.infer<typeof attachmentSchema>;
