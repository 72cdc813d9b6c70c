import { InvalidResponseError } from '../errors.js';
import type { Pagination } from '../models/asset-list-response.js';

/** What the checks read of a page. */
interface CheckedListing {
  readonly pagination: Pagination | null;
  readonly requestUrl: string;
}

/**
 * The pagination of a page, checked against the page that was asked for: a server that
 * ignores or clamps `page` answers with another number, and reading on would repeat or skip
 * assets without a word.
 *
 * @throws {InvalidResponseError} `validation_failed` when `items_data` is missing or echoes
 *   another page.
 */
export function checkPagination(listed: CheckedListing, asked: number): Pagination {
  const pagination = listed.pagination;
  if (!pagination) {
    throw invalidPage(
      listed,
      ['items_data'],
      `page ${asked} carried no \`items_data\`, so the number of pages is unknown.`,
    );
  }
  if (pagination.page !== asked) {
    throw invalidPage(
      listed,
      ['items_data', 'page'],
      `asked for page ${asked}, received page ${pagination.page} in \`items_data.page\`. The server may ignore or clamp \`page\`.`,
    );
  }
  return pagination;
}

/** A page whose every asset was listed before: the server served an earlier page again. */
export function repeatedPageError(listed: CheckedListing, asked: number): InvalidResponseError {
  return invalidPage(
    listed,
    ['items'],
    `every asset on page ${asked} was already listed on an earlier page. The server may ignore \`page\`.`,
  );
}

/** The pages held fewer distinct assets than page 1 announced, while no count changed. */
export function shortListingError(
  listed: CheckedListing,
  announced: number,
  distinct: number,
): InvalidResponseError {
  return invalidPage(
    listed,
    ['items_data', 'items_count'],
    `page 1 announced ${announced} assets in \`items_data.items_count\`, the pages held ${distinct} distinct ones. The server may clamp \`page\` or \`items_per_page\`, or reorder assets during a listing; try again.`,
  );
}

// The issue says what is wrong; the message adds what kind of failure it is.
function invalidPage(
  listed: CheckedListing,
  path: readonly (string | number)[],
  issue: string,
): InvalidResponseError {
  return new InvalidResponseError('validation_failed', `Invalid response: ${issue}`, {
    status: 200,
    requestUrl: listed.requestUrl,
    issues: [{ path, message: issue }],
  });
}
