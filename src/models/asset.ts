import { z } from 'zod';

import { attachmentSchema } from './attachment.js';
import { byteSizeSchema, idSchema, phpList, textSchema } from './php-values.js';
import { renditionMapSchema } from './rendition.js';

/** Who uploaded an asset, read from Cincopa's packed `"USER_ID,User Name"` text. */
export interface Uploader {
  /** Cincopa's user id: the text before the first comma. */
  readonly id: string;
  /** The user's name (personal data): everything after the first comma; `null` if none. */
  readonly name: string | null;
}

const tagsSchema = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((tags) => (typeof tags === 'string' ? splitTags(tags) : tags));

const uploaderSchema = textSchema.transform((packed) =>
  typeof packed === 'string' ? splitUploader(packed) : packed,
);

// Storage figures keep the API's own value: their units are not published, and the help
// article's sample holds placeholders there.
const storageFigureSchema = z.union([z.string(), z.number()]).nullish();

/**
 * One asset of an `asset.list.json` response. Field names are Cincopa's. `versions` is the
 * map of renditions (never versions); versions are the `ver-N` entries of `attached` and
 * `attached_versions`, which are absent unless the request asked for those details.
 * Unknown fields are kept.
 */
export const assetSchema = z.looseObject({
  id: idSchema.nullish(),
  rid: z.string().min(1),
  type: textSchema,
  filename: textSchema,
  caption: textSchema,
  description: textSchema,
  long_description: textSchema,
  related_link_text: textSchema,
  related_link_url: textSchema,
  reference_id: textSchema,
  tags: tagsSchema,
  attributes: z.unknown().optional(),
  uploaded_by: uploaderSchema,
  modified: textSchema,
  uploaded: textSchema,
  storage: storageFigureSchema,
  claimed: storageFigureSchema,
  syncstatus: textSchema,
  filesize: byteSizeSchema,
  versions: renditionMapSchema.nullish(),
  attached: phpList(attachmentSchema).nullish(),
  attached_versions: phpList(attachmentSchema).nullish(),
});

/**
 * A parsed asset. `tags` is a list (`",a,b,"` becomes `["a", "b"]`), `uploaded_by` an
 * {@link Uploader}, and every `filesize` a number of bytes or `null` when unknown.
 */
export type Asset = z.infer<typeof assetSchema>;

function splitTags(packed: string): string[] {
  return packed
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag.length > 0);
}

function splitUploader(packed: string): Uploader {
  const comma = packed.indexOf(',');
  if (comma === -1) return { id: packed, name: null };
  return { id: packed.slice(0, comma), name: packed.slice(comma + 1) || null };
}
