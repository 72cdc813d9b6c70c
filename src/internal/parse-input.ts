import type { z } from 'zod';

import { InvalidRequestError } from '../errors.js';
import { describeIssues, toIssues } from './zod-issues.js';

/**
 * Validates what a caller passed in. Every entry point rejects bad input through here, so
 * that each one fails the same way: one error naming every problem by path.
 *
 * @param subject - What was rejected, the start of the message: `"Invalid request"`.
 * @throws {InvalidRequestError} `invalid_request` when `input` does not match `schema`.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  subject: string,
): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toIssues(result.error);
  throw new InvalidRequestError(`${subject}: ${describeIssues(issues)}`, issues);
}
