import { z } from 'zod';

import type { CallOptions } from './client.js';
import { parseEnvelope } from './internal/parse-envelope.js';
import type { Transport } from './internal/transport.js';
import { idSchema } from './models/php-values.js';

/** A successful `ping.json` answer: the token is valid, and this is what it may do. */
export interface PingResult {
  /** Always `true`: a refused token or a failed ping is thrown as an error. */
  readonly success: true;
  /** The account's id, if given. */
  readonly accid: string | null;
  /**
   * What the token may do, as Cincopa names it (`"asset.read"`, `"all"`…); `null` when the
   * answer did not say.
   */
  readonly permissions: readonly string[] | null;
  /** Every other field Cincopa sent, kept as it was. */
  readonly [field: string]: unknown;
}

const permissionsSchema = z
  .union([z.string(), z.array(z.string())])
  .nullish()
  .transform((permissions) => {
    if (permissions === undefined || permissions === null) return null;
    const list = typeof permissions === 'string' ? permissions.split(',') : permissions;
    return list.map((permission) => permission.trim()).filter(Boolean);
  });

/**
 * A successful `ping.json` body. `permissions` arrives as one comma-separated string
 * (`"asset.read,asset.write"`) and is read as a list. Unknown fields are kept.
 */
export const pingResponseSchema: z.ZodType<PingResult> = z
  .looseObject({
    success: z.literal(true),
    accid: idSchema.nullish(),
    permissions: permissionsSchema,
  })
  .transform(({ accid, ...rest }) => ({ ...rest, accid: accid ?? null }));

/**
 * Checks the token with `ping.json`.
 *
 * @throws {ApiError} `auth_failed` when the token is refused; other codes as for any call.
 */
export async function ping(transport: Transport, options: CallOptions = {}): Promise<PingResult> {
  const response = await transport.get('ping.json', new URLSearchParams(), options.signal);
  return parseEnvelope(response, pingResponseSchema, transport.mask);
}
