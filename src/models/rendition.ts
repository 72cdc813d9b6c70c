import { z } from 'zod';

import { byteSizeSchema, phpMap, textSchema } from './php-values.js';

/**
 * One rendition of an asset: an encoding or a thumbnail, an entry of the asset's `versions`
 * map. Despite that key's name, a rendition is never a version. Unknown fields are kept.
 */
export const renditionSchema = z.looseObject({
  /** Cincopa's name for the rendition, for example `"hd"`. */
  name: textSchema,
  /** Size in bytes; `null` when unknown. */
  filesize: byteSizeSchema,
  /** Where the rendition is served from. */
  url: textSchema,
  /** The rendition's media type, for example `"video/mp4"`. */
  mime: textSchema,
});

/** A parsed rendition; `filesize` is in bytes, `null` when unknown. */
export type RenditionData = z.infer<typeof renditionSchema>;

/** The `versions` map of an asset or attachment: renditions keyed by rendition id. */
export const renditionMapSchema = phpMap(renditionSchema);

/** A parsed `versions` map. */
export type RenditionMap = z.infer<typeof renditionMapSchema>;
