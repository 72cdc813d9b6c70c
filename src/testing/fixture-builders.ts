import type { WireAsset } from './wire-asset.js';

/** A size as the back end may spell it: bytes, a numeric string, `""` or `null` (unknown). */
export type WireSize = number | string | null;

/** What {@link buildAsset} puts in an asset. */
export interface AssetFixture {
  /** Asset type. @default "video" */
  readonly type?: string;
  /** File name. @default the rid in lower case, with `.mp4` */
  readonly filename?: string;
  /** Sizes of `ver-1`, `ver-2`, …, in order; one attachment each. @default [] */
  readonly versions?: readonly WireSize[];
  /** Size of the `original` attachment; `undefined` leaves it out. @default undefined */
  readonly original?: WireSize;
  /** Renditions by key (`mp4_hd`, `jpg_1200x900`…) and size. @default {} (sent as `[]`) */
  readonly renditions?: Readonly<Record<string, WireSize>>;
  /** Whether the versions are also listed in `attached_versions`. @default false */
  readonly inAttachedVersions?: boolean;
  /** Whether to leave out `attached` and `attached_versions` entirely. @default false */
  readonly withoutAttachments?: boolean;
}

/** The figures of a listing answer's `items_data`. */
export interface PageFixture {
  /** The page echoed. @default 1 */
  readonly page?: number;
  /** @default 50 */
  readonly itemsPerPage?: number;
  /** @default the number of items */
  readonly itemsCount?: number;
  /** @default the pages that `itemsCount` fills */
  readonly pagesCount?: number;
}

/**
 * Builds an asset as `asset.list.json` sends it, with `ver-N` attachments, an original and
 * renditions, for tests that need a precise shape rather than a generated account.
 *
 * @example
 * ```ts
 * const asset = buildAsset('TRIMMED1', { versions: [1200, '800', null], original: 5000 });
 * ```
 */
export function buildAsset(rid: string, fixture: AssetFixture = {}): WireAsset {
  const versions = (fixture.versions ?? []).map((size, index) =>
    buildAttachment(rid, `ver-${index + 1}`, size),
  );
  const original =
    fixture.original === undefined ? [] : [buildAttachment(rid, 'original', fixture.original)];
  const renditions = Object.entries(fixture.renditions ?? {}).map(([key, filesize]) => [
    key,
    { name: key, filesize, url: `https://cdn.example.invalid/${rid}/${key}`, mime: 'video/mp4' },
  ]);
  const attachments = fixture.withoutAttachments
    ? {}
    : {
        attached: [...original, ...versions],
        ...(fixture.inAttachedVersions ? { attached_versions: versions } : {}),
      };
  return {
    id: `id-${rid}`,
    rid,
    type: fixture.type ?? 'video',
    filename: fixture.filename ?? `${rid.toLowerCase()}.mp4`,
    versions: renditions.length > 0 ? Object.fromEntries(renditions) : [],
    ...attachments,
  };
}

/** Builds one attachment (`ver-N`, `original`, a subtitle…) as the back end sends it. */
export function buildAttachment(
  rid: string,
  type: string,
  filesize: WireSize,
): Record<string, unknown> {
  const url = `https://cdn.example.invalid/${rid}/${type}.mp4`;
  return {
    id: `${rid}-${type}`,
    rid: `${rid}-${type}`,
    type,
    filename: `${type}.mp4`,
    filesize,
    content: { type: 'video/mp4', url, syncstatus: 'synced' },
  };
}

/** Builds a successful `asset.list.json` body around `items`. */
export function buildListBody(
  items: readonly WireAsset[],
  page: PageFixture = {},
): Record<string, unknown> {
  const itemsPerPage = page.itemsPerPage ?? 50;
  const itemsCount = page.itemsCount ?? items.length;
  return {
    success: true,
    items,
    items_data: {
      page: page.page ?? 1,
      items_per_page: itemsPerPage,
      items_count: itemsCount,
      pages_count: page.pagesCount ?? Math.ceil(itemsCount / itemsPerPage),
    },
  };
}
