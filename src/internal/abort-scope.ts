/** Why an {@link AbortScope} was aborted: the label given to the signal or timer that fired. */
export type AbortCause = 'caller' | 'deadline' | 'attempt';

/**
 * An AbortController that follows other signals and timers, remembers which one fired, and
 * releases every listener and timer on `dispose()`, so that no call leaves one behind.
 */
export class AbortScope {
  readonly #controller = new AbortController();
  readonly #cleanups: (() => void)[] = [];
  #cause: AbortCause | undefined;

  /** The signal to pass on. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** Which signal or timer aborted the scope, if any did. */
  get cause(): AbortCause | undefined {
    return this.#cause;
  }

  /** Aborts the scope when `signal` aborts (at once if it already has). */
  follow(signal: AbortSignal | undefined, cause: AbortCause | (() => AbortCause)): this {
    if (!signal) return this;
    const onAbort = () => this.abort(typeof cause === 'function' ? cause() : cause);
    if (signal.aborted) {
      onAbort();
      return this;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    this.#cleanups.push(() => signal.removeEventListener('abort', onAbort));
    return this;
  }

  /** Aborts the scope, with the cause of the scope it follows, when `parent` aborts. */
  followScope(parent: AbortScope): this {
    return this.follow(parent.signal, () => parent.cause ?? 'caller');
  }

  /** Aborts the scope after `ms` milliseconds. */
  abortAfter(ms: number, cause: AbortCause): this {
    const timer = setTimeout(() => this.abort(cause), ms);
    this.#cleanups.push(() => clearTimeout(timer));
    return this;
  }

  /** Aborts now, unless already aborted. */
  abort(cause: AbortCause): this {
    if (this.#controller.signal.aborted) return this;
    this.#cause = cause;
    this.#controller.abort(new DOMException(`Aborted: ${cause}`, 'AbortError'));
    return this;
  }

  /** Waits `ms` milliseconds; rejects as soon as the scope aborts. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const signal = this.#controller.signal;
      if (signal.aborted) return reject(signal.reason);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Removes every listener and timer the scope added. */
  dispose(): void {
    for (const cleanup of this.#cleanups.splice(0)) cleanup();
  }
}
