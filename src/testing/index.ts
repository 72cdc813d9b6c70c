/**
 * Test tools: a fake Cincopa on loopback, the help article's sample asset, fixture builders
 * and a deterministic account generator. Never reaches the real API.
 *
 * @module @org/cincopa-versions/testing
 */
export { startFakeCincopa } from './fake-cincopa.js';
export type { FakeCincopa } from './fake-cincopa.js';
export { FAKE_TOKEN } from './cincopa-responder.js';
export type { FakeAccount, FakeCincopaOptions, FakeRequest } from './cincopa-responder.js';
export type { FakeMethod, Fault, FaultRule } from './fault.js';
export type { ChaosOptions } from './chaos.js';
export { generateAccount } from './generate-account.js';
export type {
  AccountTotals,
  GenerateAccountOptions,
  GeneratedAccount,
} from './generate-account.js';
export { buildAsset, buildAttachment, buildListBody } from './fixture-builders.js';
export type { AssetFixture, PageFixture, WireSize } from './fixture-builders.js';
export { helpArticleAsset } from './help-article-asset.js';
export type { WireAsset } from './wire-asset.js';
