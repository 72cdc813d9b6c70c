// A page is handed out on a later turn of the event loop than the one its response arrived
// in: responses that arrive together then all send their successors before the reader spends
// its time parsing any of them. The function is taken when the module loads, so that a test
// that fakes timers after importing the SDK cannot stall a listing.
const laterTurn = globalThis.setImmediate;

/**
 * Requests pages ahead of the one being read and hands them out in page order. A request's
 * slot frees as soon as its response has arrived, not when the page is read, so that a slow
 * page does not hold back the requests after it and reading one page never delays sending
 * the next: at most `width` requests are in flight, and at most `width` more pages that
 * have arrived wait to be read.
 */
export class PagePrefetch<T> {
  readonly #request: (page: number) => Promise<T>;
  readonly #last: number;
  readonly #width: number;
  readonly #pending = new Map<number, Promise<T>>();
  #inFlight = 0;
  #next: number;
  #closed = false;

  constructor(request: (page: number) => Promise<T>, first: number, last: number, width: number) {
    this.#request = request;
    this.#next = first;
    this.#last = last;
    this.#width = width;
    this.#fill();
  }

  /** The result of `page`, which must be the next one not yet taken. */
  async take(page: number): Promise<T> {
    const pending = this.#pending.get(page) ?? this.#start(page);
    try {
      const result = await pending;
      await new Promise((resolve) => laterTurn(resolve));
      return result;
    } finally {
      this.#pending.delete(page);
      this.#fill();
    }
  }

  /** Sends no more requests; those in flight are the caller's to abort. */
  close(): void {
    this.#closed = true;
  }

  #fill(): void {
    while (
      !this.#closed &&
      this.#inFlight < this.#width &&
      this.#pending.size < 2 * this.#width &&
      this.#next <= this.#last
    ) {
      this.#start(this.#next++);
    }
  }

  #start(page: number): Promise<T> {
    this.#next = Math.max(this.#next, page + 1);
    this.#inFlight++;
    const pending = this.#request(page);
    // Also keeps a page given up on (the reader stopped or failed first) from becoming an
    // unhandled rejection; `take` still sees the failure of a page it reads.
    const arrived = () => {
      this.#inFlight--;
      this.#fill();
    };
    pending.then(arrived, arrived);
    this.#pending.set(page, pending);
    return pending;
  }
}
