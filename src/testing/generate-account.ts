import { randomInt, seededRandom } from './random.js';
import type { WireAsset } from './wire-asset.js';

/** What an audit of a generated account must find, counted as the generator made it. */
export interface AccountTotals {
  /** Assets in the account. */
  assets: number;
  /** Assets with at least one version. */
  assetsWithVersions: number;
  /** Versions across all assets. */
  versions: number;
  /** Bytes of every version whose size is known. */
  versionBytes: number;
  /** Bytes of every `original` attachment whose size is known. */
  originalBytes: number;
  /** Bytes of every rendition whose size is known. */
  renditionBytes: number;
  /** Versions, originals and renditions whose size is unknown. */
  unknownSizes: number;
  /**
   * Assets sent without `attached` or `attached_versions` (some still processing): their
   * versions cannot be seen, which an audit must not count as "no versions".
   */
  versionsUnknown: number;
}

/** A generated account: its assets in listing order, and the totals an audit must match. */
export interface GeneratedAccount {
  /** The assets, as `asset.list.json` would send them, in listing order. */
  readonly assets: WireAsset[];
  /** What an audit of every asset must report. */
  readonly totals: AccountTotals;
}

/** Options of {@link generateAccount}. */
export interface GenerateAccountOptions {
  /** How many assets to make. */
  readonly count: number;
  /** Seed of the pseudo-random choices: the same seed gives the same account. @default 1 */
  readonly seed?: number;
  /** Prefix of every generated rid. @default "GEN" */
  readonly ridPrefix?: string;
}

/**
 * Generates a deterministic account with the back end's quirks: about a third of the assets
 * carry 1–12 versions (some listed in both `attached` and `attached_versions`), some are
 * still processing (half of those without attachment lists), sizes come as numbers, numeric
 * strings, `""` and `null`, empty maps as `[]`, and some lists as objects with numeric keys.
 *
 * @example
 * ```ts
 * const { assets, totals } = generateAccount({ count: 1000, seed: 7 });
 * ```
 */
export function generateAccount(options: GenerateAccountOptions): GeneratedAccount {
  const random = seededRandom(options.seed ?? 1);
  const totals: AccountTotals = {
    assets: 0,
    assetsWithVersions: 0,
    versions: 0,
    versionBytes: 0,
    originalBytes: 0,
    renditionBytes: 0,
    unknownSizes: 0,
    versionsUnknown: 0,
  };
  const assets: WireAsset[] = [];
  for (let index = 0; index < options.count; index++) {
    const rid = `${options.ridPrefix ?? 'GEN'}${String(index).padStart(6, '0')}`;
    assets.push(generateAsset(rid, random, totals));
  }
  return { assets, totals };
}

/** A size in one of the spellings the back end uses, and what an audit should count. */
interface SizeSpelling {
  readonly wire: unknown;
  readonly bytes: number | null;
}

function spellSize(random: () => number, bytes: number): SizeSpelling {
  const roll = random();
  if (roll < 0.6) return { wire: bytes, bytes };
  if (roll < 0.9) return { wire: String(bytes), bytes };
  if (roll < 0.95) return { wire: '', bytes: null };
  return { wire: null, bytes: null };
}

function count(
  totals: AccountTotals,
  key: 'versionBytes' | 'originalBytes' | 'renditionBytes',
  bytes: number | null,
) {
  if (bytes === null) totals.unknownSizes++;
  else totals[key] += bytes;
}

function generateAsset(rid: string, random: () => number, totals: AccountTotals): WireAsset {
  totals.assets++;
  const type = random() < 0.85 ? 'video' : 'image';
  const processing = random() < 0.08;
  const filesize = randomInt(random, 10_000, 900_000_000);
  const base = {
    id: String(100_000 + totals.assets),
    rid,
    type,
    filename: `${rid.toLowerCase()}.${type === 'video' ? 'mp4' : 'jpg'}`,
    caption: random() < 0.2 ? null : `Asset ${rid}`,
    tags: random() < 0.5 ? ',generated,' : '',
    uploaded_by: 'U1,Generated User',
    filesize,
    syncstatus: processing ? 'pending' : 'synced',
  };
  if (processing) return processingAsset(base, totals);

  const versionCount = random() < 0.35 ? randomInt(random, 1, 12) : 0;
  const attached: Record<string, unknown>[] = [];
  const duplicates: Record<string, unknown>[] = [];
  if (versionCount > 0) {
    totals.assetsWithVersions++;
    totals.versions += versionCount;
    attached.push(generateAttachment(rid, 'original', random, totals, 'originalBytes'));
    for (let number = 1; number <= versionCount; number++) {
      const version = generateAttachment(rid, `ver-${number}`, random, totals, 'versionBytes');
      attached.push(version);
      if (random() < 0.1) duplicates.push(version);
    }
  }
  if (random() < 0.1)
    attached.push({
      type: 'subtitle-en-us',
      filesize: 1200,
      url: 'https://cdn.example.invalid/en.vtt',
    });
  shuffle(attached, random);

  return {
    ...base,
    versions: generateRenditions(random, totals),
    attached: random() < 0.05 ? asNumericKeyedObject(attached) : attached,
    ...(duplicates.length > 0 ? { attached_versions: duplicates } : {}),
  };
}

// Half of the processing assets come without attachment lists; the choice draws nothing from
// `random`, so that a seed gives the same account as before this quirk was added.
function processingAsset(base: WireAsset, totals: AccountTotals): WireAsset {
  const asset = { ...base, versions: [], attributes: [] };
  if (totals.assets % 2 === 1) return { ...asset, attached: [] };
  totals.versionsUnknown++;
  return asset;
}

function generateAttachment(
  rid: string,
  type: string,
  random: () => number,
  totals: AccountTotals,
  key: 'versionBytes' | 'originalBytes',
): Record<string, unknown> {
  const bytes = randomInt(random, 1_000, 500_000_000);
  const url = `https://cdn.example.invalid/${rid}/${type}.mp4`;
  const attachment = {
    id: `${rid}-${type}`,
    rid: `${rid}-${type}`,
    type,
    filename: `${type}.mp4`,
    content: { type: 'video/mp4', url, syncstatus: 'synced' },
  };
  const roll = random();
  if (roll < 0.7) {
    const size = spellSize(random, bytes);
    count(totals, key, size.bytes);
    return { ...attachment, filesize: size.wire };
  }
  if (roll < 0.95) {
    count(totals, key, bytes);
    return {
      ...attachment,
      filesize: null,
      versions: { original: { name: 'original', filesize: bytes, url } },
    };
  }
  count(totals, key, null);
  return { ...attachment, filesize: null };
}

function generateRenditions(random: () => number, totals: AccountTotals): Record<string, unknown> {
  const renditions: Record<string, unknown> = {};
  for (const key of ['jpg_1200x900', 'mp4_hd', 'mp4_360', 'original'].slice(
    0,
    randomInt(random, 1, 4),
  )) {
    const size = spellSize(random, randomInt(random, 1_000, 300_000_000));
    count(totals, 'renditionBytes', size.bytes);
    renditions[key] = {
      name: key,
      filesize: size.wire,
      url: `https://cdn.example.invalid/${key}`,
      mime: 'video/mp4',
    };
  }
  return renditions;
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let index = items.length - 1; index > 0; index--) {
    const other = randomInt(random, 0, index);
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
}

function asNumericKeyedObject(items: readonly unknown[]): Record<string, unknown> {
  return Object.fromEntries(items.map((item, index) => [String(index * 2), item]));
}
