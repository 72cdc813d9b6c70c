import type { WireAsset } from './wire-asset.js';

/** How the fake server pages and spells an `asset.list.json` answer. */
export interface ListingSettings {
  /** The largest `items_per_page` honoured; larger requests are clamped. */
  readonly pageSizeCap: number;
  /** Whether `items_data` figures are sent as numeric strings (`"3"`), as PHP may. */
  readonly numericStrings: boolean;
}

/** Which page a listing answer holds, and which number it says it holds. */
export interface PageChoice {
  /** The page whose assets are served. */
  readonly served: number;
  /** The number written in `items_data.page`. */
  readonly echoed: number;
}

const DEFAULT_PAGE_SIZE = 50;

const FILTERS = ['rid', 'type', 'tag', 'reference_id', 'search'];

/** The 1-based page a query asks for: 1 when it names none or a malformed one. */
export function askedPage(query: URLSearchParams): number {
  return positiveInt(query.get('page')) ?? 1;
}

/**
 * The body of a successful `asset.list.json` answer: the matching assets of one page, with
 * attachment lists only when `details` asks for them, as the real API does.
 */
export function listAssetsBody(
  assets: readonly WireAsset[],
  query: URLSearchParams,
  settings: ListingSettings,
  choice: PageChoice,
): Record<string, unknown> {
  // Without a filter every asset matches: skip the scan, which would make a walk of N
  // assets cost N² / page size on large generated accounts.
  const matching = FILTERS.some((name) => query.has(name))
    ? assets.filter((asset) => matches(asset, query))
    : assets;
  const asked = positiveInt(query.get('items_per_page')) ?? DEFAULT_PAGE_SIZE;
  const perPage = Math.min(settings.pageSizeCap, asked);
  const details = new Set((query.get('details') ?? '').split(','));
  const items = matching
    .slice((choice.served - 1) * perPage, choice.served * perPage)
    .map((asset) => withDetails(asset, details));
  const figures = {
    page: choice.echoed,
    items_per_page: perPage,
    items_count: matching.length,
    pages_count: Math.ceil(matching.length / perPage),
  };
  return {
    success: true,
    items,
    items_data: settings.numericStrings ? spellAsStrings(figures) : figures,
    runtime: 0.01,
  };
}

function matches(asset: WireAsset, query: URLSearchParams): boolean {
  const rid = query.get('rid');
  const type = query.get('type');
  const tag = query.get('tag');
  const referenceId = query.get('reference_id');
  const search = query.get('search')?.toLowerCase();
  if (rid !== null && asset.rid !== rid) return false;
  if (type !== null && asset['type'] !== type) return false;
  if (tag !== null && !String(asset['tags'] ?? '').includes(`,${tag},`)) return false;
  if (referenceId !== null && asset['reference_id'] !== referenceId) return false;
  if (search === undefined) return true;
  const text = `${String(asset['filename'] ?? '')} ${String(asset['caption'] ?? '')}`;
  return text.toLowerCase().includes(search);
}

function withDetails(asset: WireAsset, details: ReadonlySet<string>): WireAsset {
  const { attached, attached_versions, ...rest } = asset;
  return {
    ...rest,
    rid: asset.rid,
    ...(details.has('attached') && attached !== undefined ? { attached } : {}),
    ...(details.has('attached_versions') && attached_versions !== undefined
      ? { attached_versions }
      : {}),
  };
}

function spellAsStrings(figures: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(figures).map(([name, value]) => [name, String(value)]));
}

function positiveInt(text: string | null): number | undefined {
  const value = Number(text);
  return text !== null && Number.isInteger(value) && value >= 1 ? value : undefined;
}
