import ky, { type KyInstance } from 'ky';

import type { ResolvedClientOptions } from '../client-options.js';
import { CincopaError, RateLimitedError, TransportError } from '../errors.js';
import { AbortScope } from './abort-scope.js';
import { readBody } from './read-body.js';
import { backoffDelay } from './retry-after.js';
import { sanitizeCause } from './sanitize-cause.js';
import { type RawResponse, statusError } from './status-error.js';
import { TOKEN_MASK, type TokenMasker, createTokenMasker } from './token-mask.js';

/**
 * Sends GET requests to Cincopa with the token in the query string: time limits, retries
 * with backoff, `Retry-After`, the caller's abort, and errors that never carry the token.
 */
export class Transport {
  readonly #options: ResolvedClientOptions;
  readonly #ky: KyInstance;
  /** Masks the token in any text; every error and hook payload passes through it. */
  readonly mask: TokenMasker;

  constructor(options: ResolvedClientOptions) {
    this.#options = options;
    this.mask = createTokenMasker(options.apiToken);
    // Retries, time limits and status handling are ours: ky's errors quote the full URL.
    this.#ky = ky.create({
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      headers: { accept: 'application/json' },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /** The URL of `method` with `query`, and the token as `api_token` (masked if asked). */
  url(method: string, query: URLSearchParams, masked = false): string {
    const url = new URL(method, this.#options.baseUrl);
    url.searchParams.set('api_token', masked ? TOKEN_MASK : this.#options.apiToken);
    for (const [name, value] of query) url.searchParams.append(name, value);
    return url.toString();
  }

  /**
   * Sends one GET and returns its 2xx response, retrying what may succeed on another try.
   *
   * @throws {CincopaError} for a non-2xx status, a time limit, a network failure or an abort.
   */
  async get(method: string, query: URLSearchParams, signal?: AbortSignal): Promise<RawResponse> {
    const target = { url: this.url(method, query), masked: this.url(method, query, true) };
    const call = new AbortScope()
      .follow(signal, 'caller')
      .abortAfter(this.#options.totalTimeout, 'deadline');
    const deadline = Date.now() + this.#options.totalTimeout;

    try {
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.#attempt(target, attempt, call);
        } catch (error) {
          const failure = error as CincopaError;
          const delayMs = this.#retryDelay(failure, attempt, deadline);
          this.#options.hooks.onRetry?.({
            method: 'GET',
            url: target.masked,
            attempt,
            error: failure,
            delayMs,
          });
          await call.sleep(delayMs).catch((reason: unknown) => {
            throw this.#abortError(call, target.masked, reason);
          });
        }
      }
    } finally {
      call.dispose();
    }
  }

  async #attempt(
    target: { url: string; masked: string },
    attempt: number,
    call: AbortScope,
  ): Promise<RawResponse> {
    const scope = new AbortScope().followScope(call).abortAfter(this.#options.timeout, 'attempt');
    const started = Date.now();
    this.#options.hooks.onRequest?.({ method: 'GET', url: target.masked, attempt });

    let response: RawResponse;
    try {
      const reply = await this.#ky.get(target.url, { signal: scope.signal });
      const body = await readBody(
        reply,
        this.#options.maxResponseBytes,
        target.masked,
        scope.signal,
      );
      response = { status: reply.status, headers: reply.headers, body, requestUrl: target.masked };
    } catch (error) {
      if (error instanceof CincopaError) throw error;
      throw scope.cause
        ? this.#abortError(scope, target.masked, error)
        : this.#networkError(target.masked, error);
    } finally {
      scope.dispose();
    }

    const durationMs = Date.now() - started;
    this.#options.hooks.onResponse?.({
      method: 'GET',
      url: target.masked,
      attempt,
      status: response.status,
      durationMs,
    });
    if (response.status >= 200 && response.status < 300) return response;
    throw statusError(response, this.mask);
  }

  /** How long to wait before retrying `failure`; throws it (or a sharper one) when not to. */
  #retryDelay(failure: CincopaError, attempt: number, deadline: number): number {
    const { limit, maxRetryAfter, baseDelay, maxDelay } = this.#options.retry;
    if (!failure.retryable || attempt > limit) throw failure;

    const retryAfterMs = failure instanceof RateLimitedError ? failure.retryAfterMs : null;
    if (retryAfterMs !== null && retryAfterMs > maxRetryAfter) {
      throw new RateLimitedError(
        `Rate limited: Cincopa asked to wait ${retryAfterMs} ms, more than \`retry.maxRetryAfter\` (${maxRetryAfter} ms).`,
        retryAfterMs,
        { status: failure.status, excerpt: failure.excerpt, requestUrl: failure.requestUrl },
      );
    }

    const delayMs = retryAfterMs ?? backoffDelay(attempt, baseDelay, maxDelay);
    if (Date.now() + delayMs >= deadline) {
      throw new TransportError(
        'timeout',
        `Timed out: the next retry would end after \`totalTimeout\` (${this.#options.totalTimeout} ms); last failure: ${failure.message}`,
        false,
        { status: failure.status, requestUrl: failure.requestUrl, cause: failure },
      );
    }
    return delayMs;
  }

  #abortError(scope: AbortScope, requestUrl: string, reason: unknown): TransportError {
    const cause = sanitizeCause(reason, this.mask);
    if (scope.cause === 'caller') {
      return new TransportError('aborted', 'Aborted: the caller aborted the request.', false, {
        requestUrl,
        cause,
      });
    }
    if (scope.cause === 'deadline') {
      return new TransportError(
        'timeout',
        `Timed out: no result within \`totalTimeout\` (${this.#options.totalTimeout} ms).`,
        false,
        { requestUrl, cause },
      );
    }
    return new TransportError(
      'timeout',
      `Timed out: no complete response within \`timeout\` (${this.#options.timeout} ms).`,
      true,
      { requestUrl, cause },
    );
  }

  #networkError(requestUrl: string, error: unknown): TransportError {
    const cause = sanitizeCause(error, this.mask);
    const detail = cause.cause instanceof Error ? cause.cause.message : cause.message;
    return new TransportError('network', `Network error: ${detail}.`, true, { requestUrl, cause });
  }
}
