import ky, { type KyInstance } from 'ky';

import type { ResolvedClientOptions } from '../client-options.js';
import { ApiError, CincopaError, RateLimitedError, TransportError } from '../errors.js';
import { type AbortCause, AbortScope } from './abort-scope.js';
import { clip } from './excerpt.js';
import { readBody } from './read-body.js';
import { backoffDelay } from './retry-after.js';
import { sanitizeCause } from './sanitize-cause.js';
import { sleep } from './sleep.js';
import { type RawResponse, statusError } from './status-error.js';
import { TOKEN_MASK, type TokenMasker, createTokenMasker } from './token-mask.js';

/**
 * Sends GET requests to Cincopa with the token in the query string: time limits, retries
 * with backoff, `Retry-After`, the caller's abort, and errors that never carry the token.
 */
export class Transport {
  readonly #options: ResolvedClientOptions;
  readonly #ky: KyInstance;
  // The API root without its empty `?` or `#`, if it ends with one (`resolveBaseUrl` refuses
  // any other query or fragment), and the token's query parameter: every URL starts with them.
  readonly #root: string;
  readonly #tokenParameter: string;
  /** Masks the token in any text; every error and hook payload passes through it. */
  readonly mask: TokenMasker;

  constructor(options: ResolvedClientOptions) {
    this.#options = options;
    this.mask = createTokenMasker(options.apiToken);
    // `.` resolves to the base's own directory, leaving its empty `?` or `#` behind.
    this.#root = new URL('.', options.baseUrl).href;
    this.#tokenParameter = new URLSearchParams({ api_token: options.apiToken }).toString();
    // Retries, time limits and status handling are ours: ky's errors quote the full URL.
    // Redirects are not followed: the token is in the URL, and a redirect would carry it to
    // whatever host the `Location` names, unseen by `requestUrl` and the hooks.
    this.#ky = ky.create({
      retry: 0,
      timeout: false,
      throwHttpErrors: false,
      redirect: 'manual',
      headers: { accept: 'application/json' },
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  }

  /**
   * The URL of `method` with the query string `search`, and the token as `api_token` (masked
   * if asked).
   */
  // The root ends with `/` (see `resolveBaseUrl`), so joining text gives what `new URL` would,
  // without parsing a URL again for every request.
  url(method: string, search: string, masked = false): string {
    const token = masked ? `api_token=${TOKEN_MASK}` : this.#tokenParameter;
    return `${this.#root}${method}?${token}${search && '&'}${search}`;
  }

  /**
   * Sends one GET and returns its 2xx response, retrying what may succeed on another try.
   *
   * @throws {CincopaError} for a non-2xx status, a time limit, a network failure or an abort.
   */
  async get(method: string, query: URLSearchParams, signal?: AbortSignal): Promise<RawResponse> {
    const search = query.toString();
    const target = {
      url: this.url(method, search),
      masked: this.url(method, search, true),
    };
    const deadline = Date.now() + this.#options.totalTimeout;

    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#attempt(target, attempt, signal, deadline);
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
        // The wait ends before the deadline (`#retryDelay` made sure): only the caller can
        // cut it short.
        await sleep(delayMs, signal).catch((reason: unknown) => {
          throw this.#abortError('caller', target.masked, reason);
        });
      }
    }
  }

  async #attempt(
    target: { url: string; masked: string },
    attempt: number,
    signal: AbortSignal | undefined,
    deadline: number,
  ): Promise<RawResponse> {
    const scope = this.#attemptScope(signal, deadline);
    // The caller aborted before this attempt: nothing is sent, and no hook hears of a request.
    if (scope.cause) {
      scope.dispose();
      throw this.#abortError(scope.cause, target.masked, scope.signal.reason);
    }
    const started = Date.now();
    this.#options.hooks.onRequest?.({ method: 'GET', url: target.masked, attempt });

    let response: RawResponse;
    try {
      const reply = await untilAborted(
        this.#ky.get(target.url, { signal: scope.signal }),
        scope.signal,
      );
      if (reply.redirected) throw this.#followedRedirect(reply, target.masked);
      const body = await readBody(
        reply,
        this.#options.maxResponseBytes,
        target.masked,
        this.mask,
        scope.signal,
      );
      response = { status: reply.status, headers: reply.headers, body, requestUrl: target.masked };
    } catch (error) {
      if (isCincopaError(error)) throw error;
      throw scope.cause
        ? this.#abortError(scope.cause, target.masked, error)
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

  // One scope and one timer per attempt: the timer is set to whichever limit comes first,
  // `timeout` for this attempt or `totalTimeout` for the whole call.
  #attemptScope(signal: AbortSignal | undefined, deadline: number): AbortScope {
    // Past the deadline, a timer of 0 or less fires at once.
    const untilDeadline = deadline - Date.now();
    const { timeout } = this.#options;
    return new AbortScope()
      .follow(signal, 'caller')
      .abortAfter(
        Math.min(timeout, untilDeadline),
        timeout < untilDeadline ? 'attempt' : 'deadline',
      );
  }

  /** How long to wait before retrying `failure`; throws it (or a sharper one) when not to. */
  #retryDelay(failure: CincopaError, attempt: number, deadline: number): number {
    const { limit, maxRetryAfter, baseDelay, maxDelay } = this.#options.retry;
    if (!failure.retryable || attempt > limit) throw failure;

    const rateLimit = failure instanceof RateLimitedError ? failure : null;
    const retryAfterMs = rateLimit?.retryAfterMs ?? null;
    if (rateLimit && retryAfterMs !== null && retryAfterMs > maxRetryAfter) {
      const wait = `Cincopa asked to wait ${retryAfterMs} ms`;
      throw rateLimited(
        rateLimit,
        `${wait}, more than \`retry.maxRetryAfter\` (${maxRetryAfter} ms)`,
      );
    }

    const delayMs = retryAfterMs ?? backoffDelay(attempt, baseDelay, maxDelay);
    if (Date.now() + delayMs >= deadline) {
      // Still a rate limit: the caller's remedy is to wait `retryAfterMs`, not a longer timeout.
      if (rateLimit) {
        const wait =
          retryAfterMs === null
            ? 'the next retry'
            : `Cincopa asked to wait ${retryAfterMs} ms, which`;
        const limit = `would end after \`totalTimeout\` (${this.#options.totalTimeout} ms)`;
        throw rateLimited(rateLimit, `${wait} ${limit}`);
      }
      throw new TransportError(
        'timeout',
        `Timed out: the next retry would end after \`totalTimeout\` (${this.#options.totalTimeout} ms); last failure: ${failure.message}`,
        false,
        { status: failure.status, requestUrl: failure.requestUrl, cause: failure },
      );
    }
    return delayMs;
  }

  #abortError(abortCause: AbortCause, requestUrl: string, reason: unknown): TransportError {
    const cause = sanitizeCause(reason, this.mask);
    if (abortCause === 'caller') {
      return new TransportError('aborted', 'Aborted: the caller aborted the request.', false, {
        requestUrl,
        cause,
      });
    }
    if (abortCause === 'deadline') {
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

  // A custom `fetch` may follow redirects whatever it is asked; say so rather than use it.
  #followedRedirect(reply: Response, requestUrl: string): ApiError {
    reply.body?.cancel().catch(() => undefined);
    const from = JSON.stringify(clip(this.mask(reply.url), 200));
    return new ApiError(
      'http_error',
      `Redirect followed by the custom \`fetch\`: the answer came from ${from}. The token travels in the URL, so requests must go only to \`baseUrl\`; make the \`fetch\` refuse redirects.`,
      { status: reply.status, requestUrl },
    );
  }

  #networkError(requestUrl: string, error: unknown): TransportError {
    const cause = sanitizeCause(error, this.mask);
    const detail = cause.cause instanceof Error ? cause.cause.message : cause.message;
    return new TransportError('network', `Network error: ${clip(detail, 200)}.`, true, {
      requestUrl,
      cause,
    });
  }
}

function rateLimited(failure: RateLimitedError, why: string): RateLimitedError {
  return new RateLimitedError(`Rate limited: ${why}.`, failure.retryAfterMs, {
    status: failure.status,
    excerpt: failure.excerpt,
    requestUrl: failure.requestUrl,
  });
}

// A custom `fetch` may ignore the signal; the time limits and the caller's abort must hold
// all the same. A response that arrives too late has its body cancelled.
function untilAborted(request: Promise<Response>, signal: AbortSignal): Promise<Response> {
  const discardLate = () => {
    request.then((late) => late.body?.cancel()).catch(() => undefined);
  };
  if (signal.aborted) {
    discardLate();
    return Promise.reject(signal.reason);
  }
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      discardLate();
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    request.then(
      (response) => {
        signal.removeEventListener('abort', onAbort);
        resolve(response);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

// `instanceof` runs a Proxy's trap, which a custom `fetch` may have thrown to us.
function isCincopaError(error: unknown): error is CincopaError {
  try {
    return error instanceof CincopaError;
  } catch {
    return false;
  }
}
