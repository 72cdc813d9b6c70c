import { z } from 'zod';

import type { CallOptions } from '../client.js';
import { signalSchema } from './option-schemas.js';
import { parseInput } from './parse-input.js';

const callOptionsSchema = z.strictObject({ signal: signalSchema.optional() });

/**
 * Checks the options of one call, so that a malformed one fails before any request rather
 * than as a `TypeError` from deep inside the transport.
 *
 * @throws {InvalidRequestError} `invalid_request` when `options` is not an object holding
 *   at most an AbortSignal `signal`.
 */
export function checkCallOptions(options: unknown): CallOptions {
  return parseInput(callOptionsSchema, options, 'Invalid call options');
}
