/**
 * Hands out one AbortSignal per request and aborts them all at once. Many requests in flight
 * then never hang many listeners on one signal (Node warns past 10 on an AbortSignal), and
 * the caller's signal carries a single listener however high the concurrency.
 */
export class AbortFanout {
  readonly #children = new Set<AbortController>();
  readonly #parent: AbortSignal | undefined;
  readonly #onParentAbort = () => this.abort(this.#parent?.reason);
  #aborted = false;
  #reason: unknown;

  constructor(parent?: AbortSignal) {
    this.#parent = parent;
    if (parent?.aborted) this.abort(parent.reason);
    else parent?.addEventListener('abort', this.#onParentAbort, { once: true });
  }

  /** Runs `task` with a signal of its own, aborted with the others. */
  async run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const child = new AbortController();
    if (this.#aborted) child.abort(this.#reason);
    else this.#children.add(child);
    try {
      return await task(child.signal);
    } finally {
      this.#children.delete(child);
    }
  }

  /** Aborts every signal handed out, and every one handed out from now on. */
  abort(reason?: unknown): void {
    this.#aborted = true;
    this.#reason = reason;
    for (const child of this.#children) child.abort(reason);
    this.#children.clear();
  }

  /** Stops following the parent signal. */
  dispose(): void {
    this.#parent?.removeEventListener('abort', this.#onParentAbort);
  }
}
