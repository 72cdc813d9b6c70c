import { z } from 'zod';

import type { CallOptions } from '../client.js';
import { InvalidRequestError } from '../errors.js';
import { describeIssues, toIssues } from './zod-issues.js';

const callOptionsSchema = z.strictObject({
  signal: z
    .custom<AbortSignal>((value) => value instanceof AbortSignal, 'must be an AbortSignal')
    .optional(),
});

/**
 * Checks the options of one call, so that a malformed one fails before any request rather
 * than as a `TypeError` from deep inside the transport.
 *
 * @throws {InvalidRequestError} `invalid_request` when `options` is not an object holding
 *   at most an AbortSignal `signal`.
 */
export function checkCallOptions(options: unknown): CallOptions {
  const result = callOptionsSchema.safeParse(options);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  throw new InvalidRequestError(`Invalid call options: ${describeIssues(issues)}`, issues);
}
