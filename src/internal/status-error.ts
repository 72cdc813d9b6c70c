import { ApiError, type CincopaError, RateLimitedError } from '../errors.js';
import { clip, excerptOf, serverMessageOf } from './excerpt.js';
import { parseRetryAfter } from './retry-after.js';
import type { TokenMasker } from './token-mask.js';

/** A response as read off the wire, before its body is parsed. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  /** The request URL with the token masked. */
  readonly requestUrl: string;
}

/** The error for a response whose status is not 2xx. */
export function statusError(response: RawResponse, mask: TokenMasker): CincopaError {
  const { status, requestUrl } = response;
  const excerpt = excerptOf(response.body, mask);
  const init = { status, excerpt, requestUrl };
  const said = describeServerMessage(response.body, mask);

  if (status === 401 || status === 403) {
    return new ApiError(
      'auth_failed',
      `Authentication failed: HTTP ${status}${said}. Check \`apiToken\` or \`CINCOPA_API_TOKEN\`.`,
      init,
    );
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    const wait = retryAfterMs === null ? '' : `; retry after ${retryAfterMs} ms`;
    return new RateLimitedError(`Rate limited: HTTP 429${said}${wait}.`, retryAfterMs, init);
  }
  if (status >= 300 && status < 400) {
    const location = response.headers.get('location');
    const to = location ? ` to ${JSON.stringify(clip(mask(location), 200))}` : '';
    return new ApiError(
      'http_error',
      `Redirect not followed: HTTP ${status}${to}. The token travels in the URL, so requests go only to \`baseUrl\`; point it at the API's current address.`,
      init,
    );
  }
  if (status >= 500) {
    return new ApiError('server_error', `Server error: HTTP ${status}${said}.`, init);
  }
  return new ApiError('http_error', `HTTP error: HTTP ${status}${said}.`, init);
}

function describeServerMessage(body: string, mask: TokenMasker): string {
  let message: string | undefined;
  try {
    message = serverMessageOf(JSON.parse(body));
  } catch {
    return '';
  }
  return message === undefined ? '' : ` (${JSON.stringify(mask(message).slice(0, 200))})`;
}
