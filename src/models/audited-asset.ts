import { z } from 'zod';

import { itemsDataSchema } from './asset-list-response.js';
import { byteSizeSchema, idSchema, phpList, phpMap, textSchema } from './php-values.js';

// An audit reads a few fields of each asset. These schemas validate exactly those, with the
// same PHP-tolerant field types as the full models, and drop the rest unread: a plain
// `z.object` copies its known keys, where the full models' loose objects walk every key of
// every asset, attachment and rendition to keep it.

const sizedSchema = z.object({
  /** Size in bytes; `null` when unknown. */
  filesize: byteSizeSchema,
});

/** The fields of an attachment an audit reads: what it is, which file it is, and its size. */
const auditedAttachmentSchema = z.object({
  /** Cincopa's internal id, read as text: tells two files under one label apart. */
  id: idSchema.nullish(),
  /** The attachment's public id: tells two files under one label apart. */
  rid: textSchema,
  /** `ver-N` (a version), `original`, or another kind. */
  type: textSchema,
  /** Size in bytes; `null` when unknown (then `versions.original` is read). */
  filesize: byteSizeSchema,
  /** The attachment's renditions, of which `original` gives the size when `filesize` does not. */
  versions: phpMap(sizedSchema).nullish(),
});

/**
 * The fields of an asset that {@link toAuditRecord} reads, validated as the full
 * `assetSchema` validates them. A parsed {@link Asset} has them all.
 */
export const auditedAssetSchema = z.object({
  /** The asset's public id. */
  rid: z.string().min(1),
  /** The asset type. */
  type: textSchema,
  /** The uploaded file's name. */
  filename: textSchema,
  /** The renditions, keyed by rendition id; each is counted and its size read. */
  versions: phpMap(sizedSchema).nullish(),
  /** The attachments; absent unless asked for. */
  attached: phpList(auditedAttachmentSchema).nullish(),
  /** More attachments; absent unless asked for. */
  attached_versions: phpList(auditedAttachmentSchema).nullish(),
});

/** What an audit reads of an asset: its rid, file name, type, renditions and attachments. */
export type AuditedAsset = z.infer<typeof auditedAssetSchema>;

/**
 * A successful `asset.list.json` body as an audit reads it. `success` is not read again: the
 * envelope check has already turned any other value into an API error.
 */
export const auditedPageSchema = z.object({
  /** The assets on this page, reduced to what an audit reads. */
  items: phpList(auditedAssetSchema),
  /** Where this page stands; absent in some responses. */
  items_data: itemsDataSchema.optional(),
});
