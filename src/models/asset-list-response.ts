import { z } from 'zod';

import { assetSchema } from './asset.js';
import { countSchema, phpList } from './php-values.js';

/** Where a page stands in the whole listing, normalised from Cincopa's `items_data`. */
export interface Pagination {
  /** The 1-based page this response holds, as the server echoed it. */
  readonly page: number;
  /** How many assets a page holds at most. */
  readonly itemsPerPage: number;
  /** How many assets match the query on all pages. */
  readonly itemsCount: number;
  /** How many pages there are; read from `pages_count` or `page_count`. */
  readonly pagesCount: number;
}

/**
 * Cincopa's `items_data`. Figures may arrive as numeric strings; the page count is spelled
 * `pages_count` here and `page_count` by other endpoints, and both are accepted.
 */
export const itemsDataSchema = z
  .looseObject({
    /** The 1-based page number. */
    page: countSchema,
    /** The page size. */
    items_per_page: countSchema,
    /** How many assets match, on all pages. */
    items_count: countSchema,
    /** How many pages there are. */
    pages_count: countSchema.optional(),
    /** How many pages there are, as other endpoints spell it. */
    page_count: countSchema.optional(),
  })
  .transform((data, context): Pagination => {
    const pagesCount = data.pages_count ?? data.page_count;
    if (pagesCount === undefined) {
      context.addIssue({
        code: 'custom',
        message: 'Expected `pages_count` or `page_count`, received neither',
        input: data,
      });
      return z.NEVER;
    }
    return {
      page: data.page,
      itemsPerPage: data.items_per_page,
      itemsCount: data.items_count,
      pagesCount,
    };
  });

/**
 * A successful `asset.list.json` body: `success: true`, the assets, and the pagination.
 * A body whose `success` is anything but `true` never reaches this schema: it is an API
 * error.
 */
export const assetListResponseSchema = z.looseObject({
  /** Always `true` here: any other value is an API error. */
  success: z.literal(true),
  /** The assets on this page. */
  items: phpList(assetSchema),
  /** Where this page stands; absent in some responses. */
  items_data: itemsDataSchema.optional(),
  /** Server time, as sent. */
  runtime: z.unknown().optional(),
});

/** A parsed `asset.list.json` body. */
export type AssetListResponse = z.infer<typeof assetListResponseSchema>;
