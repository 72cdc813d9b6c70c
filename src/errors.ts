/**
 * Every stable error code the SDK uses. The code, not the class or the message, is what a
 * caller should branch on.
 */
export type CincopaErrorCode =
  | 'invalid_request'
  | 'api_error'
  | 'auth_failed'
  | 'asset_not_found'
  | 'rate_limited'
  | 'server_error'
  | 'http_error'
  | 'timeout'
  | 'network'
  | 'aborted'
  | 'invalid_response'
  | 'validation_failed';

/** One problem found while validating a request or a response, located by its path. */
export interface CincopaIssue {
  /** Where the problem is, for example `["items", 0, "versions", "mp4_hd", "filesize"]`. */
  readonly path: readonly (string | number)[];
  /** What is wrong there, for example `Expected a size in bytes, received "12kb"`. */
  readonly message: string;
}

/** What every error carries besides its message. All texts are already masked. */
export interface CincopaErrorInit {
  /** HTTP status of the response that failed, when there was one. */
  readonly status?: number | undefined;
  /** The first characters of the response body, with the token masked. */
  readonly excerpt?: string | undefined;
  /** The request URL with the token masked. */
  readonly requestUrl?: string | undefined;
  /** The error that led to this one, already stripped of the token. */
  readonly cause?: Error | undefined;
}

/**
 * Base class of everything the SDK throws. Branch on {@link CincopaError.code}.
 *
 * Nothing reachable from an instance (`message`, `stack`, `cause`, `toJSON()`,
 * `util.inspect()`) holds the API token: URLs are masked before an error is built.
 */
export class CincopaError extends Error {
  /** Stable, machine-readable kind of failure. */
  readonly code: CincopaErrorCode;
  /** Whether the same call may succeed if made again later. */
  readonly retryable: boolean;
  /** HTTP status of the response that failed, when there was one. */
  readonly status: number | undefined;
  /** The first characters of the response body, with the token masked. */
  readonly excerpt: string | undefined;
  /** The request URL with the token masked. */
  readonly requestUrl: string | undefined;

  /**
   * Builds an error from texts that are already masked. The SDK builds its errors itself;
   * construct one only to simulate a failure in your own tests.
   *
   * @param code - The kind of failure.
   * @param message - What failed, without the token.
   * @param retryable - Whether the same call may succeed later.
   * @param init - Status, excerpt, request URL and cause, all masked.
   */
  constructor(
    code: CincopaErrorCode,
    message: string,
    retryable: boolean,
    init: CincopaErrorInit = {},
  ) {
    super(message, init.cause ? { cause: init.cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    this.retryable = retryable;
    this.status = init.status;
    this.excerpt = init.excerpt;
    this.requestUrl = init.requestUrl;
  }

  /**
   * A plain, token-free description for logs: name, code, message, then every other field
   * (`retryable`, `status`, …, and those a subclass adds) in the order they are declared.
   */
  toJSON(): Record<string, unknown> {
    // An Error's `message` and `cause` are not enumerable, so the copy below skips them:
    // `message` is named here, and the cause is left to describe itself.
    const head: Record<string, unknown> = {
      name: this.name,
      code: this.code,
      message: this.message,
    };
    return Object.assign(head, this);
  }
}

/** A request, an option or an argument was rejected before anything was sent. */
export class InvalidRequestError extends CincopaError {
  declare readonly code: 'invalid_request';
  /** What was wrong with the input, by path. */
  readonly issues: readonly CincopaIssue[];

  /**
   * Builds the error; the SDK throws it before any request is sent.
   *
   * @param message - What was rejected, naming the option or argument.
   * @param issues - Each problem by path.
   */
  constructor(message: string, issues: readonly CincopaIssue[] = []) {
    super('invalid_request', message, false);
    this.issues = issues;
  }
}

/** Codes of {@link ApiError}. */
export type ApiErrorCode =
  'api_error' | 'auth_failed' | 'asset_not_found' | 'server_error' | 'http_error';

/**
 * Cincopa answered, but not with what was asked for: `success` was not `true`, the status
 * was not 2xx, or the asset does not exist.
 */
export class ApiError extends CincopaError {
  declare readonly code: ApiErrorCode;

  /**
   * Builds the error; `retryable` follows from the code and the status.
   *
   * @param code - The kind of failure; `server_error` and HTTP 408 are retryable.
   * @param message - What failed, without the token.
   * @param init - Status, excerpt and request URL, all masked.
   */
  constructor(code: ApiErrorCode, message: string, init: CincopaErrorInit) {
    super(code, message, code === 'server_error' || isRetryableStatus(init.status), init);
  }
}

/** Cincopa asked the client to slow down (HTTP 429). */
export class RateLimitedError extends CincopaError {
  declare readonly code: 'rate_limited';
  /** How long the server asked to wait, in milliseconds; `null` when it did not say. */
  readonly retryAfterMs: number | null;

  /**
   * Builds the error; a rate limit is always retryable.
   *
   * @param message - What failed, without the token.
   * @param retryAfterMs - The wait the server asked for, in milliseconds, or `null`.
   * @param init - Status, excerpt and request URL, all masked.
   */
  constructor(message: string, retryAfterMs: number | null, init: CincopaErrorInit) {
    super('rate_limited', message, true, init);
    this.retryAfterMs = retryAfterMs;
  }
}

/** Codes of {@link TransportError}. */
export type TransportErrorCode = 'timeout' | 'network' | 'aborted';

/** No complete response arrived: a time limit, a network failure or the caller's abort. */
export class TransportError extends CincopaError {
  declare readonly code: TransportErrorCode;

  /**
   * Builds the error from a failure that is already stripped of the token.
   *
   * @param code - The kind of failure.
   * @param message - What failed, without the token.
   * @param retryable - Whether the same call may succeed later.
   * @param init - Request URL and cause, all masked.
   */
  constructor(
    code: TransportErrorCode,
    message: string,
    retryable: boolean,
    init: CincopaErrorInit,
  ) {
    super(code, message, retryable, init);
  }
}

/** Codes of {@link InvalidResponseError}. */
export type InvalidResponseErrorCode = 'invalid_response' | 'validation_failed';

/**
 * A response arrived but cannot be used: it is not JSON (`invalid_response`) or it does not
 * match the models (`validation_failed`, with the issues and their paths). Never retried.
 */
export class InvalidResponseError extends CincopaError {
  declare readonly code: InvalidResponseErrorCode;
  /** The response's `Content-Type`, when it had one. */
  readonly contentType: string | undefined;
  /** What did not match the models, by path; empty for `invalid_response`. */
  readonly issues: readonly CincopaIssue[];

  /**
   * Builds the error; a response that cannot be used is never retried.
   *
   * @param code - `invalid_response` or `validation_failed`.
   * @param message - What failed, without the token.
   * @param details - Status, excerpt, request URL, content type and issues, all masked.
   */
  constructor(
    code: InvalidResponseErrorCode,
    message: string,
    details: CincopaErrorInit & {
      readonly contentType?: string | undefined;
      readonly issues?: readonly CincopaIssue[];
    },
  ) {
    super(code, message, false, details);
    this.contentType = details.contentType;
    this.issues = details.issues ?? [];
  }
}

function isRetryableStatus(status: number | undefined): boolean {
  return status === 408 || (status !== undefined && status >= 500);
}
