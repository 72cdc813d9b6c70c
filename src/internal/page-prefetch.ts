/**
 * Requests pages ahead of the one being read and hands them out in page order. A request's
 * slot frees as soon as its response has arrived, not when the page is read, so that a slow
 * page does not hold back the requests after it, and the next request starts before the
 * page that arrived is read. At most `width` requests are in flight, and at most 2 × `width`
 * pages are requested ahead of the reader, arrived or not. Once a request has failed, or the
 * reader has closed the prefetch, nothing more is sent: the listing is bound to end.
 */
export class PagePrefetch<T> {
  readonly #request: (page: number) => Promise<T>;
  readonly #last: number;
  readonly #width: number;
  readonly #pending = new Map<number, Promise<T>>();
  #inFlight = 0;
  #next: number;
  #stopped = false;

  constructor(request: (page: number) => Promise<T>, first: number, last: number, width: number) {
    this.#request = request;
    this.#next = first;
    this.#last = last;
    this.#width = width;
    this.#fill();
  }

  /**
   * The result of `page`, which must be the next one not yet released; rejects with its
   * request's failure.
   */
  take(page: number): Promise<T> {
    return this.#pending.get(page) ?? this.#start(page);
  }

  /** Forgets `page`, which the reader has read, and requests more in its place. */
  release(page: number): void {
    this.#pending.delete(page);
    this.#fill();
  }

  /** Sends no more requests; those in flight are the caller's to abort. */
  close(): void {
    this.#stopped = true;
  }

  #fill(): void {
    while (
      !this.#stopped &&
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
    // The rejection handler also keeps a page given up on (the reader stopped or failed
    // first) from becoming an unhandled rejection; `take` still sees the failure of a page
    // it reads.
    pending.then(
      () => {
        this.#inFlight--;
        this.#fill();
      },
      () => {
        this.#inFlight--;
        this.#stopped = true;
      },
    );
    this.#pending.set(page, pending);
    return pending;
  }
}
