import { delay } from 'msw';
import { describe, expect, it } from 'vitest';

import {
  CincopaClient,
  type CincopaClientOptions,
  RateLimitedError,
  type RetryEvent,
} from '../src/index.js';
import {
  HttpResponse,
  TEST_TOKEN,
  assetListHandler,
  fixtureJson,
} from './support/cincopa-mocks.js';
import { mswServer } from './support/msw-server.js';
import { expectFailure } from './support/expect-failure.js';

const sample = fixtureJson('help-article-asset.json');

function client(options: CincopaClientOptions = {}) {
  return new CincopaClient({
    apiToken: TEST_TOKEN,
    ...options,
    retry: { baseDelay: 1, maxDelay: 5, ...(options.retry || {}) },
  });
}

/** Answers each request with the next of `replies`, the last one repeating. */
function sequence(...replies: (() => Response | Promise<Response>)[]) {
  const mock = assetListHandler((_url, count) => replies[Math.min(count, replies.length) - 1]!());
  mswServer.use(mock.handler);
  return mock;
}

const ok = () => HttpResponse.json(sample as never);
const status =
  (code: number, headers: Record<string, string> = {}) =>
  () =>
    HttpResponse.json({ success: false, message: `status ${code}` }, { status: code, headers });

describe('retries', () => {
  it.each([500, 502, 503, 408])('retries HTTP %d and then succeeds', async (code) => {
    const mock = sequence(status(code), ok);

    const result = await client().getAssetVersions('ASSET_RID');

    expect(result.versions).toHaveLength(1);
    expect(mock.seen).toHaveLength(2);
  });

  it('gives up after retry.limit retries with server_error', async () => {
    const mock = sequence(status(503));

    const error = await expectFailure(
      client({ retry: { limit: 2 } }).getAssetVersions('ASSET_RID'),
    );

    expect(error.code).toBe('server_error');
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(mock.seen).toHaveLength(3);
  });

  it.each([
    [401, 'auth_failed'],
    [403, 'auth_failed'],
    [404, 'http_error'],
    [400, 'http_error'],
  ])('does not retry HTTP %d (%s)', async (code, expected) => {
    const mock = sequence(status(code));

    const error = await expectFailure(client().getAssetVersions('ASSET_RID'));

    expect(error.code).toBe(expected);
    expect(error.status).toBe(code);
    expect(error.retryable).toBe(false);
    expect(mock.seen).toHaveLength(1);
  });

  it('retries a network failure and then succeeds', async () => {
    const mock = sequence(() => HttpResponse.error(), ok);

    const result = await client().getAssetVersions('ASSET_RID');

    expect(result.rid).toBe('ASSET_RID');
    expect(mock.seen).toHaveLength(2);
  });

  it('reports a lasting network failure as network', async () => {
    sequence(() => HttpResponse.error());

    const error = await expectFailure(
      client({ retry: { limit: 1 } }).getAssetVersions('ASSET_RID'),
    );

    expect(error.code).toBe('network');
    expect(error.retryable).toBe(true);
  });

  it('turns retrying off with retry: false', async () => {
    const mock = sequence(status(500));

    await expectFailure(
      new CincopaClient({ apiToken: TEST_TOKEN, retry: false }).getAssetVersions('R'),
    );

    expect(mock.seen).toHaveLength(1);
  });

  it('tells onRetry what failed and how long it waits', async () => {
    sequence(status(500), ok);
    const events: RetryEvent[] = [];

    await client({ hooks: { onRetry: (event) => events.push(event) } }).getAssetVersions(
      'ASSET_RID',
    );

    expect(events).toHaveLength(1);
    expect(events[0]?.attempt).toBe(1);
    expect(events[0]?.error.code).toBe('server_error');
    expect(events[0]?.delayMs).toBeGreaterThanOrEqual(0);
    expect(events[0]?.url).toContain('api_token=***');
  });
});

describe('Retry-After', () => {
  it('waits as long as Retry-After says before retrying a 429', async () => {
    const mock = sequence(status(429, { 'retry-after': '0' }), ok);
    const events: RetryEvent[] = [];

    await client({ hooks: { onRetry: (event) => events.push(event) } }).getAssetVersions(
      'ASSET_RID',
    );

    expect(mock.seen).toHaveLength(2);
    expect(events[0]?.delayMs).toBe(0);
  });

  it('fails at once with rate_limited and retryAfterMs when Retry-After exceeds maxRetryAfter', async () => {
    const mock = sequence(status(429, { 'retry-after': '3600' }));
    const started = Date.now();

    const error = await expectFailure(client().getAssetVersions('ASSET_RID'));

    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.code).toBe('rate_limited');
    expect((error as RateLimitedError).retryAfterMs).toBe(3_600_000);
    expect(error.message).toContain('retry.maxRetryAfter');
    expect(mock.seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('fails at once with rate_limited when Retry-After would end past totalTimeout', async () => {
    const mock = sequence(status(429, { 'retry-after': '30' }));
    const started = Date.now();

    const error = await expectFailure(
      client({ totalTimeout: 5_000 }).getAssetVersions('ASSET_RID'),
    );

    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.code).toBe('rate_limited');
    expect((error as RateLimitedError).retryAfterMs).toBe(30_000);
    expect(error.message).toContain('totalTimeout');
    expect(mock.seen).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('fails with rate_limited, not timeout, when the backoff after a 429 would end past totalTimeout', async () => {
    const mock = sequence(status(429));

    const error = await expectFailure(
      client({
        totalTimeout: 1_000,
        retry: { baseDelay: 5_000, maxDelay: 5_000 },
      }).getAssetVersions('ASSET_RID'),
    );

    expect(error.code).toBe('rate_limited');
    expect((error as RateLimitedError).retryAfterMs).toBeNull();
    expect(error.message).toContain('totalTimeout');
    expect(mock.seen).toHaveLength(1);
  });

  it('reports rate_limited with a null retryAfterMs when the 429 gave no Retry-After', async () => {
    sequence(status(429));

    const error = await expectFailure(
      client({ retry: { limit: 1 } }).getAssetVersions('ASSET_RID'),
    );

    expect((error as RateLimitedError).retryAfterMs).toBeNull();
  });
});

describe('time limits and abort', () => {
  it('times out a custom fetch that ignores the abort signal', async () => {
    const started = Date.now();
    const never = new CincopaClient({
      apiToken: TEST_TOKEN,
      timeout: 100,
      totalTimeout: 300,
      fetch: () => new Promise<Response>(() => undefined),
    });

    const error = await expectFailure(never.getAssetVersions('ASSET_RID'));

    expect(error.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('times out a stalled attempt, retries it, and succeeds', async () => {
    const mock = sequence(async () => {
      await delay('infinite');
      return ok();
    }, ok);

    const result = await client({ timeout: 50 }).getAssetVersions('ASSET_RID');

    expect(result.versions).toHaveLength(1);
    expect(mock.seen).toHaveLength(2);
  });

  it('fails with timeout when every attempt stalls', async () => {
    sequence(async () => {
      await delay('infinite');
      return ok();
    });

    const error = await expectFailure(
      client({ timeout: 30, retry: { limit: 1 } }).getAssetVersions('R'),
    );

    expect(error.code).toBe('timeout');
    expect(error.message).toContain('`timeout`');
  });

  it('bounds the whole call with totalTimeout whatever the retry settings', async () => {
    sequence(async () => {
      await delay('infinite');
      return ok();
    });
    const started = Date.now();

    const error = await expectFailure(
      client({ timeout: 10_000, totalTimeout: 80, retry: { limit: 10 } }).getAssetVersions('R'),
    );

    expect(error.code).toBe('timeout');
    expect(error.retryable).toBe(false);
    expect(error.message).toContain('totalTimeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('fails at once when the next backoff would end after totalTimeout', async () => {
    const mock = sequence(status(503));

    const error = await expectFailure(
      client({
        totalTimeout: 200,
        retry: { limit: 5, baseDelay: 5000, maxDelay: 5000 },
      }).getAssetVersions('R'),
    );

    expect(error.code).toBe('timeout');
    expect(error.message).toContain('HTTP 503');
    expect(mock.seen).toHaveLength(1);
  });

  it('rejects with aborted, without a request, when the signal is already aborted', async () => {
    const mock = sequence(ok);

    const error = await expectFailure(
      client().getAssetVersions('R', { signal: AbortSignal.abort() }),
    );

    expect(error.code).toBe('aborted');
    expect(mock.seen).toHaveLength(0);
  });

  it('stops a request in flight when the caller aborts', async () => {
    sequence(async () => {
      await delay('infinite');
      return ok();
    });
    const controller = new AbortController();

    const call = client().getAssetVersions('R', { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    const error = await expectFailure(call);

    expect(error.code).toBe('aborted');
    expect(error.retryable).toBe(false);
  });

  it('stops a backoff wait promptly when the caller aborts', async () => {
    sequence(status(503));
    const controller = new AbortController();
    let waiting!: () => void;
    const retryScheduled = new Promise<void>((resolve) => (waiting = resolve));
    const call = client({
      retry: { baseDelay: 60_000, maxDelay: 60_000 },
      hooks: { onRetry: () => waiting() },
    }).getAssetVersions('R', { signal: controller.signal });
    const settled = expectFailure(call);

    await retryScheduled;
    const abortedAt = Date.now();
    controller.abort();
    const error = await settled;

    expect(error.code).toBe('aborted');
    expect(Date.now() - abortedAt).toBeLessThan(50);
  });
});
