import type { z } from 'zod';

import { ApiError, InvalidResponseError } from '../errors.js';
import { clip, excerptOf, serverMessageOf } from './excerpt.js';
import type { RawResponse } from './status-error.js';
import type { TokenMasker } from './token-mask.js';
import { describeIssues, toIssues } from './zod-issues.js';

/**
 * Parses a 2xx body as a Cincopa envelope and validates it against `schema`. A BOM or
 * whitespace before the JSON is tolerated; anything else that is not JSON is not.
 *
 * @throws {InvalidResponseError} `invalid_response` when the body is not a JSON object;
 *   `validation_failed` when it does not match `schema`.
 * @throws {ApiError} `api_error` when `success` is anything but `true`.
 */
export function parseEnvelope<T extends z.ZodType>(
  response: RawResponse,
  schema: T,
  mask: TokenMasker,
): z.output<T> {
  const body = parseJsonObject(response, mask);

  if (body['success'] !== true) {
    const message = serverMessageOf(body);
    const said = message === undefined ? 'no message' : JSON.stringify(clip(mask(message), 200));
    throw new ApiError(
      'api_error',
      `API error: Cincopa answered without \`success: true\` (HTTP ${response.status}): ${said}.`,
      detailsOf(response, mask),
    );
  }

  const result = schema.safeParse(body);
  if (result.success) return result.data;
  // Paths hold the server's map keys and messages its values: any text, of any length,
  // the token included.
  const issues = toIssues(result.error).map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'string' ? clip(mask(key), 100) : key)),
    message: clip(mask(issue.message), 200),
  }));
  throw new InvalidResponseError(
    'validation_failed',
    `Invalid response: ${describeIssues(issues)}.`,
    { ...detailsOf(response, mask), issues },
  );
}

function parseJsonObject(response: RawResponse, mask: TokenMasker): Record<string, unknown> {
  const text = response.body.charCodeAt(0) === 0xfeff ? response.body.slice(1) : response.body;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw notJson(response, mask, 'expected JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw notJson(response, mask, 'expected a JSON object');
  }
  return body as Record<string, unknown>;
}

function notJson(response: RawResponse, mask: TokenMasker, expected: string): InvalidResponseError {
  const contentType = mask(response.headers.get('content-type') ?? 'no content type');
  return new InvalidResponseError(
    'invalid_response',
    `Invalid response: ${expected}, received \`${contentType}\` (HTTP ${response.status}).`,
    { ...detailsOf(response, mask), contentType },
  );
}

function detailsOf(response: RawResponse, mask: TokenMasker) {
  return {
    status: response.status,
    excerpt: excerptOf(response.body, mask),
    requestUrl: response.requestUrl,
  };
}
