import { z } from 'zod';

import { parseInput } from './internal/parse-input.js';

/** Every `details` block `asset.list.json` is known to accept. */
export const ASSET_DETAILS = [
  'caption',
  'description',
  'music_tags',
  'exif_tags',
  'long_description',
  'related_link_text',
  'related_link_url',
  'reference_id',
  'tags',
  'metauser_timeline',
  'appears_in_albums',
  'storyboard',
  'attached',
  'attached_versions',
] as const;

/** A name of an extra block per asset, asked for with the `details` parameter. */
export type AssetDetail = (typeof ASSET_DETAILS)[number];

/**
 * The details the help article on asset versions asks for. They include `attached` and
 * `attached_versions`, without which an asset's versions cannot be told.
 */
export const VERSION_DETAILS: readonly AssetDetail[] = ASSET_DETAILS;

/** Page size used when a request does not set `itemsPerPage`. */
export const DEFAULT_ITEMS_PER_PAGE = 50;

/** The largest page size the SDK asks for; Cincopa publishes no maximum. */
export const MAX_ITEMS_PER_PAGE = 500;

/** Asset types Cincopa is known to filter by; other names are passed through. */
export type AssetType = 'video' | 'image' | 'music' | (string & {});

/** The parameters of one `asset.list.json` request, in the SDK's spelling. */
export interface AssetListRequest {
  /** One asset's public id; the response then holds 0 or 1 assets. */
  readonly rid?: string | undefined;
  /** Extra blocks per asset; sent comma-joined. Versions need `attached`/`attached_versions`. */
  readonly details?: readonly AssetDetail[] | undefined;
  /** Free text, or a field form such as `tag=intro`. */
  readonly search?: string | undefined;
  /** Asset type filter. */
  readonly type?: AssetType | undefined;
  /** Tag filter. */
  readonly tag?: string | undefined;
  /** Exact match on the asset's reference id; sent as `reference_id`. */
  readonly referenceId?: string | undefined;
  /** 1-based page number. @default 1 */
  readonly page?: number | undefined;
  /** Page size, 1 to {@link MAX_ITEMS_PER_PAGE}; sent as `items_per_page`. @default 50 */
  readonly itemsPerPage?: number | undefined;
}

const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

// URL encoding turns a lone surrogate into U+FFFD: the server would be asked for another value.
const WELL_FORMED = /^[^\p{Cs}]*$/u;

const ridSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(/^\S*$/u, 'must not contain whitespace')
  .regex(NO_CONTROL_CHARACTERS, 'must not contain control characters')
  .regex(WELL_FORMED, 'must be well-formed Unicode (no lone surrogates)');

const filterTextSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(1000, 'must be at most 1000 characters')
  .regex(NO_CONTROL_CHARACTERS, 'must not contain control characters')
  .regex(WELL_FORMED, 'must be well-formed Unicode (no lone surrogates)');

const requestSchema = z.strictObject({
  rid: ridSchema.optional(),
  details: z.array(z.enum(ASSET_DETAILS)).readonly().optional(),
  search: filterTextSchema.optional(),
  type: filterTextSchema.optional(),
  tag: filterTextSchema.optional(),
  referenceId: filterTextSchema.optional(),
  page: z.number().int('must be a whole number').min(1, 'must be 1 or more').optional(),
  itemsPerPage: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be 1 or more')
    .max(MAX_ITEMS_PER_PAGE, `must be at most ${MAX_ITEMS_PER_PAGE}`)
    .optional(),
});

// The SDK spells parameters in camelCase; Cincopa in snake_case (`itemsPerPage` is sent as
// `items_per_page`).
function parameterName(name: string): string {
  return name.replace(/[A-Z]/g, (capital) => `_${capital.toLowerCase()}`);
}

/**
 * Validates a request and encodes it as `asset.list.json` query parameters (without the
 * token). Parameters that are `undefined` are not sent; `details` is de-duplicated and
 * comma-joined.
 *
 * @throws {InvalidRequestError} `invalid_request` when a parameter is malformed: an empty
 *   or whitespace `rid`, a `page` below 1, a page size that is not a whole number from 1
 *   to {@link MAX_ITEMS_PER_PAGE}, an unknown detail name or an unknown parameter.
 * @example
 * ```ts
 * const query = buildAssetListQuery({ rid: 'A1B2C3', details: ['attached'] });
 * query.toString(); // "rid=A1B2C3&details=attached"
 * ```
 */
export function buildAssetListQuery(request: AssetListRequest = {}): URLSearchParams {
  const checked = parseInput(requestSchema, request, 'Invalid request');
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(checked)) {
    if (value === undefined) continue;
    query.set(
      parameterName(name),
      Array.isArray(value) ? [...new Set(value)].join(',') : String(value),
    );
  }
  return query;
}
