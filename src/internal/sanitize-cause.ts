import type { TokenMasker } from './token-mask.js';

const MAX_DEPTH = 5;

/**
 * Copies an error and its `cause` chain with every text masked. Errors from `fetch`, ky or a
 * custom `fetch` may quote the request URL, so none of them is ever attached as it is.
 */
export function sanitizeCause(error: unknown, mask: TokenMasker, depth = 0): Error {
  if (!(error instanceof Error)) return new Error(mask(String(error)));

  const nested =
    error.cause !== undefined && depth < MAX_DEPTH
      ? { cause: sanitizeCause(error.cause, mask, depth + 1) }
      : undefined;
  const copy = new Error(mask(error.message), nested);
  copy.name = mask(error.name);
  if (error.stack !== undefined) copy.stack = mask(error.stack);
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') Object.assign(copy, { code: mask(code) });
  return copy;
}
