/** Why an {@link AbortScope} was aborted: the label given to the signal or timer that fired. */
export type AbortCause = 'caller' | 'deadline' | 'attempt';

/**
 * An AbortController that follows one other signal and one timer, remembers which of them
 * fired, and releases both on `dispose()`, so that no attempt leaves a listener or a timer
 * behind. One scope per attempt: each AbortController costs a signal that Node builds as a
 * transferable object, which is a visible part of a small call.
 */
export class AbortScope {
  readonly #controller = new AbortController();
  #cause: AbortCause | undefined;
  #followed: AbortSignal | undefined;
  #onFollowedAbort: (() => void) | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  /** The signal to pass on. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Which signal or timer aborted the scope, if any did. */
  get cause(): AbortCause | undefined {
    return this.#cause;
  }

  /** Aborts the scope when `signal` aborts (at once if it already has). Call at most once. */
  follow(signal: AbortSignal | undefined, cause: AbortCause): this {
    if (!signal) return this;
    if (signal.aborted) return this.abort(cause);
    this.#followed = signal;
    this.#onFollowedAbort = () => this.abort(cause);
    signal.addEventListener('abort', this.#onFollowedAbort, { once: true });
    return this;
  }

  /** Aborts the scope after `ms` milliseconds. Call at most once. */
  abortAfter(ms: number, cause: AbortCause): this {
    this.#timer = setTimeout(() => this.abort(cause), ms);
    return this;
  }

  /** Aborts now, unless already aborted. */
  abort(cause: AbortCause): this {
    if (this.#controller.signal.aborted) return this;
    this.#cause = cause;
    this.#controller.abort(new DOMException(`Aborted: ${cause}`, 'AbortError'));
    return this;
  }

  /** Removes the listener and the timer the scope added. */
  dispose(): void {
    clearTimeout(this.#timer);
    if (this.#onFollowedAbort) this.#followed?.removeEventListener('abort', this.#onFollowedAbort);
    this.#followed = undefined;
    this.#onFollowedAbort = undefined;
  }
}
