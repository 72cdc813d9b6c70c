/**
 * An asset as Cincopa's `asset.list.json` sends it: plain JSON, with the back end's quirks
 * (numeric strings, `[]` for an empty map, `null`s) left in place.
 */
export type WireAsset = {
  /** The asset's public id, the one field every asset has. */
  readonly rid: string;
} & Readonly<Record<string, unknown>>;
