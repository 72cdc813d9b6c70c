import type { CincopaError } from './errors.js';

/** Sent to {@link ClientHooks.onRequest} before each attempt. */
export interface RequestEvent {
  /** HTTP method. */
  readonly method: 'GET';
  /** The request URL with the token masked. */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry, and so on. */
  readonly attempt: number;
}

/** Sent to {@link ClientHooks.onResponse} once a response's body has been read. */
export interface ResponseEvent extends RequestEvent {
  /** HTTP status. */
  readonly status: number;
  /** Time from sending the request to the end of the body, in milliseconds. */
  readonly durationMs: number;
}

/** Sent to {@link ClientHooks.onRetry} before the client waits to try again. */
export interface RetryEvent extends RequestEvent {
  /** Why the attempt failed. */
  readonly error: CincopaError;
  /** How long the client waits before the next attempt, in milliseconds. */
  readonly delayMs: number;
}

/**
 * Opt-in observers for logging and metrics. Each receives masked URLs only. They are called
 * synchronously; an exception thrown by a hook rejects the call with that exception.
 */
export interface ClientHooks {
  /** Called before every attempt. */
  readonly onRequest?: ((event: RequestEvent) => void) | undefined;
  /** Called after every response, successful or not. */
  readonly onResponse?: ((event: ResponseEvent) => void) | undefined;
  /** Called when an attempt failed and another will be made. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
}
