import { z } from 'zod';

import { attachmentSchema } from './attachment.js';
import { describeReceived } from '../internal/received-value.js';
import { byteSizeSchema, idSchema, phpList, textSchema } from './php-values.js';
import { renditionMapSchema } from './rendition.js';

/** Who uploaded an asset, read from Cincopa's packed `"USER_ID,User Name"` text. */
export interface Uploader {
  /** Cincopa's user id: the text before the first comma. */
  readonly id: string;
  /** The user's name (personal data): everything after the first comma; `null` if none. */
  readonly name: string | null;
}

// Tags and uploader are read by one transform each, which checks the type itself: a union
// piped into a transform costs several schema runs per asset (see docs/benchmarks.md).
const tagsSchema = z.transform((tags: unknown, context): string[] | null | undefined => {
  if (typeof tags === 'string') return splitTags(tags);
  if (tags === null || tags === undefined || isTextList(tags)) return tags;
  context.addIssue({
    code: 'custom',
    message: `Expected tags as text or a list of text, received ${describeReceived(tags)}`,
    input: tags,
  });
  return z.NEVER;
});

const uploaderSchema = z.transform((packed: unknown, context): Uploader | null | undefined => {
  if (typeof packed === 'string') return splitUploader(packed);
  if (packed === null || packed === undefined) return packed;
  context.addIssue({ code: 'invalid_type', expected: 'string', input: packed });
  return z.NEVER;
});

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
  /** Cincopa's internal id, read as text. */
  id: idSchema.nullish(),
  /** The asset's public id, the one every call takes. */
  rid: z.string().min(1),
  /** The asset type: `video`, `image`, `music` and others. */
  type: textSchema,
  /** The uploaded file's name. */
  filename: textSchema,
  /** The asset's title. */
  caption: textSchema,
  /** The asset's short description. */
  description: textSchema,
  /** The asset's long description. */
  long_description: textSchema,
  /** The text of the asset's related link. */
  related_link_text: textSchema,
  /** The URL of the asset's related link. */
  related_link_url: textSchema,
  /** The caller's own reference for the asset; `""` when unset. */
  reference_id: textSchema,
  /** The tags, unpacked from Cincopa's `",a,b,"` text into `["a", "b"]`. */
  tags: tagsSchema,
  /** Custom attributes, as sent (often `null`). */
  attributes: z.unknown().optional(),
  /** Who uploaded the asset (personal data), split from `"USER_ID,User Name"`. */
  uploaded_by: uploaderSchema,
  /** When the asset last changed, as ISO-8601 UTC text. */
  modified: textSchema,
  /** When the asset was uploaded, as ISO-8601 UTC text. */
  uploaded: textSchema,
  /** Storage used, as sent: Cincopa does not publish the unit. */
  storage: storageFigureSchema,
  /** Storage claimed, as sent: Cincopa does not publish the unit. */
  claimed: storageFigureSchema,
  /** Whether the asset's files are ready, for example `"synced"`. */
  syncstatus: textSchema,
  /** Size in bytes; `null` when unknown. */
  filesize: byteSizeSchema,
  /** The renditions, keyed by rendition id: never versions, despite the name. */
  versions: renditionMapSchema.nullish(),
  /** The attachments (versions, the original, subtitles, …); absent unless asked for. */
  attached: phpList(attachmentSchema).nullish(),
  /** More attachments, where the help article says versions live; absent unless asked for. */
  attached_versions: phpList(attachmentSchema).nullish(),
});

/**
 * A parsed asset. `tags` is a list (`",a,b,"` becomes `["a", "b"]`), `uploaded_by` an
 * {@link Uploader}, and every `filesize` a number of bytes or `null` when unknown.
 */
export type Asset = z.infer<typeof assetSchema>;

function splitTags(packed: string): string[] {
  const tags: string[] = [];
  for (const part of packed.split(',')) {
    const tag = part.trim();
    if (tag.length > 0) tags.push(tag);
  }
  return tags;
}

function isTextList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function splitUploader(packed: string): Uploader {
  const comma = packed.indexOf(',');
  if (comma === -1) return { id: packed, name: null };
  return { id: packed.slice(0, comma), name: packed.slice(comma + 1) || null };
}
