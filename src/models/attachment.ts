import { z } from 'zod';

import { byteSizeSchema, idSchema, textSchema } from './php-values.js';
import { renditionMapSchema } from './rendition.js';

/** Where an attachment's file is served from, and whether it is ready. */
export const attachmentContentSchema = z.looseObject({
  type: textSchema,
  url: textSchema,
  syncstatus: textSchema,
});

/**
 * An entry of an asset's `attached` or `attached_versions` list. Its `type` tells what it
 * is: `ver-N` is a version, `original` the original upload, anything else (subtitles,
 * thumbnails) another attachment. Unknown fields are kept.
 */
export const attachmentSchema = z.looseObject({
  id: idSchema.nullish(),
  rid: textSchema,
  type: textSchema,
  filename: textSchema,
  filesize: byteSizeSchema,
  url: textSchema,
  content: attachmentContentSchema.nullish(),
  versions: renditionMapSchema.nullish(),
});

/** A parsed attachment; `filesize` is in bytes, `null` when unknown. */
export type Attachment = z.infer<typeof attachmentSchema>;
