import type { AssetVersions } from './asset-versions.js';
import { type CallOptions, CincopaClient } from './client.js';
import type { CincopaClientOptions } from './client-options.js';

/**
 * Fetches one asset's versions with a client built for this call, by default from the
 * environment (`CINCOPA_API_TOKEN`). For many calls, build one {@link CincopaClient}.
 *
 * @param rid - The asset's public id.
 * @param options - Client options and the call's `signal`.
 * @throws {CincopaError} as {@link CincopaClient.getAssetVersions} does, and
 *   `invalid_request` when no token is configured.
 * @example
 * ```ts
 * import { getAssetVersions } from '@org/cincopa-versions';
 *
 * const { versions } = await getAssetVersions('A1B2C3');
 * console.log(versions.map((version) => version.label)); // ["ver-1"]
 * ```
 */
export async function getAssetVersions(
  rid: string,
  options: CincopaClientOptions & CallOptions = {},
): Promise<AssetVersions> {
  const { signal, ...clientOptions } = options;
  return new CincopaClient(clientOptions).getAssetVersions(rid, { signal });
}
