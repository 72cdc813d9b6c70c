import { CincopaError } from './errors.js';

/**
 * A listing or an audit failed on one page, after the client's retries. It carries the
 * code, status and masked request URL of the failure on that page, which stays reachable as
 * `cause` (a {@link RateLimitedError} keeps its `retryAfterMs` there). Branch on `code`, as
 * for any {@link CincopaError}.
 */
export class ListingError extends CincopaError {
  /** The 1-based page whose request or answer failed. */
  readonly page: number;
  /** How many pages the listing was to fetch; `null` when page 1 itself failed. */
  readonly pagesTotal: number | null;

  /**
   * Wraps the failure of one page, keeping its code, status and masked request URL.
   *
   * @param cause - The failure on that page, already free of the token.
   * @param page - The page that failed.
   * @param pagesTotal - How many pages the listing was to fetch, when known.
   */
  constructor(cause: CincopaError, page: number, pagesTotal: number | null) {
    const of = pagesTotal === null ? '' : ` of ${pagesTotal}`;
    super(cause.code, `Listing failed on page ${page}${of}: ${cause.message}`, cause.retryable, {
      status: cause.status,
      excerpt: cause.excerpt,
      requestUrl: cause.requestUrl,
      cause,
    });
    this.page = page;
    this.pagesTotal = pagesTotal;
  }
}
