import type { ExtractedVersions } from './extract-versions.js';
import type { Asset } from './models/asset.js';

/** One asset's versions, original and renditions, as {@link CincopaClient.getAssetVersions} returns them. */
export interface AssetVersions extends ExtractedVersions {
  /** The asset's public id. */
  readonly rid: string;
  /** The asset as parsed, with every field Cincopa sent. */
  readonly asset: Asset;
}
