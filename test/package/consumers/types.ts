// Compile-time assertions about the published types, checked by tsc in a consumer under
// moduleResolution node16 and nodenext (copied to .mts and .cts) and bundler (as .ts).
// Nothing here runs.
import {
  ApiError,
  type ApiErrorCode,
  type AssetVersion,
  type AssetVersions,
  CincopaClient,
  CincopaError,
  type CincopaErrorCode,
  type CincopaIssue,
  InvalidRequestError,
  InvalidResponseError,
  type OriginalFile,
  RateLimitedError,
  type Rendition,
  TransportError,
  type TransportErrorCode,
  type VersionLabel,
  extractVersions,
  getAssetVersions,
} from '@org/cincopa-versions';
import {
  type FakeCincopa,
  helpArticleAsset,
  startFakeCincopa,
} from '@org/cincopa-versions/testing';

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type Checks = [
  Assert<Equal<Awaited<ReturnType<typeof getAssetVersions>>, AssetVersions>>,
  Assert<Equal<Awaited<ReturnType<CincopaClient['getAssetVersions']>>, AssetVersions>>,
  Assert<Equal<AssetVersions['rid'], string>>,
  Assert<Equal<AssetVersions['versionsKnown'], boolean>>,
  Assert<Equal<AssetVersions['versions'], readonly AssetVersion[]>>,
  Assert<Equal<AssetVersions['original'], OriginalFile | null>>,
  Assert<Equal<AssetVersions['renditions'], readonly Rendition[]>>,
  Assert<Equal<AssetVersion['label'], VersionLabel>>,
  Assert<Equal<AssetVersion['number'], number>>,
  Assert<Equal<AssetVersion['filesize'], number | null>>,
  Assert<Equal<Rendition['filesize'], number | null>>,
  Assert<Equal<ReturnType<typeof extractVersions>['versions'], readonly AssetVersion[]>>,
  Assert<Equal<CincopaError['code'], CincopaErrorCode>>,
  Assert<Equal<CincopaError['retryable'], boolean>>,
  Assert<Equal<CincopaError['status'], number | undefined>>,
  Assert<Equal<ApiError['code'], ApiErrorCode>>,
  Assert<Equal<TransportError['code'], TransportErrorCode>>,
  Assert<Equal<InvalidRequestError['code'], 'invalid_request'>>,
  Assert<Equal<InvalidRequestError['issues'], readonly CincopaIssue[]>>,
  Assert<Equal<InvalidResponseError['code'], 'invalid_response' | 'validation_failed'>>,
  Assert<Equal<RateLimitedError['code'], 'rate_limited'>>,
  Assert<Equal<RateLimitedError['retryAfterMs'], number | null>>,
  Assert<Equal<Awaited<ReturnType<typeof startFakeCincopa>>, FakeCincopa>>,
  Assert<Equal<FakeCincopa['baseUrl'], string>>,
];

export async function usage(server: FakeCincopa): Promise<string> {
  const client = new CincopaClient({ apiToken: server.token, baseUrl: server.baseUrl });
  const label = 'ver-2' satisfies VersionLabel;
  const example = new RateLimitedError('Rate limited: try later.', 500, {}) satisfies CincopaError;
  try {
    const result = await client.getAssetVersions(helpArticleAsset.rid, { signal: undefined });
    return result.versions.find((version) => version.label === label)?.filename ?? 'none';
  } catch (error) {
    if (error instanceof RateLimitedError) return `wait ${error.retryAfterMs ?? 'a while'}`;
    if (!(error instanceof CincopaError)) throw error;
    const code: CincopaErrorCode = error.code;
    return `${code}, unlike ${example.code}`;
  }
}

// @ts-expect-error a rid is a string
void getAssetVersions(42);
// @ts-expect-error `timeout` is a number of milliseconds
void new CincopaClient({ timeout: '30s' });
// @ts-expect-error "v1" is not a version label
export const notALabel: VersionLabel = 'v1';
