export { startFakeCincopa } from './fake-cincopa.js';
export type { FakeCincopa, FakeCincopaOptions, FakeRequest } from './fake-cincopa.js';
export { generateAccount } from './generate-account.js';
export type {
  AccountTotals,
  GenerateAccountOptions,
  GeneratedAccount,
} from './generate-account.js';
export { helpArticleAsset } from './help-article-asset.js';
export type { WireAsset } from './wire-asset.js';
