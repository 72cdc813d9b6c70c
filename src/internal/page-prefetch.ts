/**
 * Fetches pages ahead of the one being read, at most `width` at a time, and hands them out
 * in page order. A page read later than it arrived waits in memory, so at most `width`
 * pages are ever held.
 */
export class PagePrefetch<T> {
  readonly #fetch: (page: number) => Promise<T>;
  readonly #last: number;
  readonly #width: number;
  readonly #pending = new Map<number, Promise<T>>();
  #next: number;

  constructor(fetch: (page: number) => Promise<T>, first: number, last: number, width: number) {
    this.#fetch = fetch;
    this.#next = first;
    this.#last = last;
    this.#width = width;
    this.#fill();
  }

  /** The result of `page`, which must be the next one not yet taken. */
  async take(page: number): Promise<T> {
    const pending = this.#pending.get(page) ?? this.#start(page);
    try {
      return await pending;
    } finally {
      this.#pending.delete(page);
      this.#fill();
    }
  }

  #fill(): void {
    while (this.#pending.size < this.#width && this.#next <= this.#last) {
      this.#start(this.#next++);
    }
  }

  #start(page: number): Promise<T> {
    this.#next = Math.max(this.#next, page + 1);
    const pending = this.#fetch(page);
    // A page given up on (the reader stopped or failed first) must not become an unhandled
    // rejection; `take` still sees the failure of a page it reads.
    pending.catch(() => undefined);
    this.#pending.set(page, pending);
    return pending;
  }
}
