import { z } from 'zod';

import { InvalidRequestError } from './errors.js';
import type { ClientHooks } from './hooks.js';
import { functionSchema } from './internal/option-schemas.js';
import { parseInput } from './internal/parse-input.js';

/** Where the client sends requests unless told otherwise. */
export const DEFAULT_BASE_URL = 'https://api.cincopa.com/v2/';

/** The environment variable the token is read from when `apiToken` is not given. */
export const TOKEN_ENV_VAR = 'CINCOPA_API_TOKEN';

/** The environment variable the API root is read from when `baseUrl` is not given. */
export const BASE_URL_ENV_VAR = 'CINCOPA_BASE_URL';

/** How failed attempts are retried. Only GET requests are ever retried. */
export interface RetryOptions {
  /** Retries after the first attempt; 0 turns retrying off. @default 2 */
  readonly limit?: number | undefined;
  /**
   * The longest `Retry-After` the client waits for, in milliseconds. A 429 asking for
   * longer fails at once with `rate_limited` and its `retryAfterMs`. @default 60000
   */
  readonly maxRetryAfter?: number | undefined;
  /** First backoff delay in milliseconds, doubled on each retry, with jitter. @default 500 */
  readonly baseDelay?: number | undefined;
  /** The longest backoff delay in milliseconds. @default 8000 */
  readonly maxDelay?: number | undefined;
}

/** Options of {@link CincopaClient}. Every one is optional. */
export interface CincopaClientOptions {
  /**
   * The API token, one line of at most 1,024 characters. It travels in the query string,
   * and the client masks it in every URL it reports. @default process.env.CINCOPA_API_TOKEN
   */
  readonly apiToken?: string | undefined;
  /**
   * The API's root URL. @default process.env.CINCOPA_BASE_URL, else
   * "https://api.cincopa.com/v2/"
   */
  readonly baseUrl?: string | URL | undefined;
  /**
   * Time limit of one attempt, up to the end of its body, in milliseconds; at most
   * 2147483647. @default 30000
   */
  readonly timeout?: number | undefined;
  /**
   * Time limit of a whole call across all attempts and waits, in milliseconds; at most
   * 2147483647. @default 120000
   */
  readonly totalTimeout?: number | undefined;
  /** Retry policy; `false` is the same as `{ limit: 0 }`. */
  readonly retry?: RetryOptions | false | undefined;
  /** The largest response body accepted, in bytes. @default 52428800 (50 MiB) */
  readonly maxResponseBytes?: number | undefined;
  /** A `fetch` implementation to use instead of the global one. @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch | undefined;
  /** Observers of requests, responses and retries; they see masked URLs only. */
  readonly hooks?: ClientHooks | undefined;
}

/** Options after defaults were applied and every value was checked. */
export interface ResolvedClientOptions {
  readonly apiToken: string;
  readonly baseUrl: URL;
  readonly timeout: number;
  readonly totalTimeout: number;
  readonly retry: { [K in keyof RetryOptions]-?: NonNullable<RetryOptions[K]> };
  readonly maxResponseBytes: number;
  readonly fetch: typeof globalThis.fetch | undefined;
  readonly hooks: ClientHooks;
}

// The longest delay a timer holds: Node.js fires a longer one after 1 ms, with a warning.
const MAX_TIMER_MS = 2 ** 31 - 1;

const milliseconds = z
  .number()
  .int('must be a whole number of milliseconds')
  .positive()
  .max(MAX_TIMER_MS, `must be at most ${MAX_TIMER_MS}, the longest a timer can wait`);

/**
 * The longest token the client accepts, in characters: far beyond any token Cincopa is known
 * to issue, and short enough that every spelling of it stays within what an error's excerpt
 * can mask.
 */
export const MAX_TOKEN_LENGTH = 1_024;

// The same rules whether the token comes from `apiToken` or from the environment.
const tokenSchema = z
  .string('must be a string')
  .regex(/\S/, 'must not be empty')
  .max(MAX_TOKEN_LENGTH, `must be at most ${MAX_TOKEN_LENGTH} characters`)
  .refine((token) => !/[\r\n]/.test(token), 'must be one line')
  // Such a token cannot be URL-encoded, and would be sent as another one.
  .regex(/^[^\p{Cs}]*$/u, 'must be well-formed Unicode (no lone surrogates)');

const optionsSchema = z.strictObject({
  apiToken: tokenSchema.optional(),
  baseUrl: z.union([z.string(), z.instanceof(URL)]).optional(),
  timeout: milliseconds.optional(),
  totalTimeout: milliseconds.optional(),
  retry: z
    .union([
      z.literal(false),
      z.strictObject({
        limit: z.number().int().min(0).max(10).optional(),
        maxRetryAfter: z.number().int().min(0).optional(),
        baseDelay: z.number().int().min(0).optional(),
        maxDelay: z.number().int().min(0).optional(),
      }),
    ])
    .optional(),
  maxResponseBytes: z.number().int().positive().optional(),
  fetch: functionSchema.optional(),
  hooks: z
    .strictObject({
      onRequest: functionSchema.optional(),
      onResponse: functionSchema.optional(),
      onRetry: functionSchema.optional(),
    })
    .optional(),
});

/**
 * Applies defaults and checks every option, so that a misconfigured client fails when it is
 * built rather than on its first request.
 *
 * @throws {InvalidRequestError} `invalid_request` when the token is missing or an option is
 *   malformed.
 */
export function resolveClientOptions(options: CincopaClientOptions): ResolvedClientOptions {
  const { retry: retryGiven, ...given } = parseInput(
    optionsSchema,
    options,
    'Invalid client options',
  );
  const retry = retryGiven === false ? { limit: 0 } : (retryGiven ?? {});
  return {
    apiToken: resolveToken(given.apiToken),
    baseUrl: resolveBaseUrl(given.baseUrl ?? readEnv(BASE_URL_ENV_VAR) ?? DEFAULT_BASE_URL),
    timeout: given.timeout ?? 30_000,
    totalTimeout: given.totalTimeout ?? 120_000,
    retry: {
      limit: retry.limit ?? 2,
      maxRetryAfter: retry.maxRetryAfter ?? 60_000,
      baseDelay: retry.baseDelay ?? 500,
      maxDelay: retry.maxDelay ?? 8_000,
    },
    maxResponseBytes: given.maxResponseBytes ?? 50 * 1024 * 1024,
    fetch: options.fetch,
    hooks: options.hooks ?? {},
  };
}

function resolveToken(given: string | undefined): string {
  if (given !== undefined) return given.trim();
  const token = readEnv(TOKEN_ENV_VAR);
  if (token !== undefined && /\S/.test(token)) {
    return parseInput(tokenSchema, token, `Invalid \`${TOKEN_ENV_VAR}\``).trim();
  }
  throw new InvalidRequestError(
    `Missing API token: pass \`apiToken\` to the client or set \`${TOKEN_ENV_VAR}\`.`,
    [{ path: ['apiToken'], message: 'is required' }],
  );
}

function resolveBaseUrl(given: string | URL): URL {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw invalidBaseUrl('must be an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw invalidBaseUrl('must use http or https');
  }
  if (url.search || url.hash || url.username || url.password) {
    throw invalidBaseUrl('must not carry a query, a fragment or credentials');
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

function invalidBaseUrl(message: string): InvalidRequestError {
  return new InvalidRequestError(`Invalid client options: \`baseUrl\`: ${message}`, [
    { path: ['baseUrl'], message },
  ]);
}

function readEnv(name: string): string | undefined {
  const value = typeof process === 'undefined' ? undefined : process.env[name];
  return value === '' ? undefined : value;
}
