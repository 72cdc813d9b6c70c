import { DEFAULT_BASE_URL } from '../../src/index.js';
import type { CincopaClientOptions } from '../../src/index.js';
import { CincopaClient } from '../../src/index.js';
import {
  type FakeAccount,
  type FakeCincopaOptions,
  type FakeRequest,
  startFakeCincopa,
} from '../../src/testing/index.js';
import { cincopaHandlers } from '../../src/testing/msw.js';
import { mswServer } from './msw-server.js';

/** Where a test's fake Cincopa runs: a real loopback server, or msw handlers. */
export type BackendKind = 'loopback' | 'msw';

/** Both backends, for `describe.each`. */
export const BACKENDS: readonly BackendKind[] = ['loopback', 'msw'];

/** A fake Cincopa of either kind, with a client pointed at it. */
export interface Backend extends FakeAccount {
  readonly client: CincopaClient;
  readonly requests: FakeRequest[];
  /** The `page` of every `asset.list.json` request, in arrival order. */
  listedPages(): number[];
  close(): Promise<void>;
}

/** Starts a fake Cincopa of `kind` with `options`, and a client with fast retries. */
export async function startBackend(
  kind: BackendKind,
  options: FakeCincopaOptions = {},
  clientOptions: CincopaClientOptions = {},
): Promise<Backend> {
  const fake = kind === 'loopback' ? await startFakeCincopa(options) : mswBackend(options);
  const client = new CincopaClient({
    apiToken: fake.token,
    baseUrl: fake.baseUrl,
    retry: { baseDelay: 1, maxDelay: 5 },
    ...clientOptions,
  });
  return {
    client,
    requests: fake.requests,
    get assets() {
      return fake.assets;
    },
    setAssets: (assets) => fake.setAssets(assets),
    listedPages: () =>
      fake.requests
        .filter((request) => request.url.includes('/asset.list.json'))
        .map((request) => Number(request.query.get('page') ?? 1)),
    close: () => fake.close(),
  };
}

function mswBackend(options: FakeCincopaOptions) {
  const cincopa = cincopaHandlers(options);
  mswServer.use(...cincopa.handlers);
  return {
    baseUrl: DEFAULT_BASE_URL,
    token: cincopa.token,
    requests: cincopa.requests,
    get assets() {
      return cincopa.assets;
    },
    setAssets: cincopa.setAssets,
    close: async () => undefined,
  };
}
