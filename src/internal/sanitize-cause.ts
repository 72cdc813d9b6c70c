import type { TokenMasker } from './token-mask.js';

const MAX_DEPTH = 5;

/**
 * Copies an error and its `cause` chain with every text masked. Errors from `fetch`, ky or a
 * custom `fetch` may quote the request URL, so none of them is ever attached as it is.
 */
export function sanitizeCause(error: unknown, mask: TokenMasker, depth = 0): Error {
  // Even `instanceof` runs the thrower's code when it is a Proxy.
  if (read(() => error instanceof Error) !== true) return new Error(mask(readText(() => error)));
  if (!(error instanceof Error)) return new Error(UNREADABLE);

  // A custom `fetch` may throw anything: a getter that throws, an object without a
  // prototype. Each property is read on its own, and what cannot be read is described.
  const cause = read(() => error.cause);
  const nested =
    cause !== undefined && depth < MAX_DEPTH
      ? { cause: sanitizeCause(cause, mask, depth + 1) }
      : undefined;
  const copy = new Error(mask(readText(() => error.message)), nested);
  copy.name = mask(readText(() => error.name));
  const stack = read(() => error.stack);
  if (typeof stack === 'string') copy.stack = mask(stack);
  const code = read(() => (error as { code?: unknown }).code);
  if (typeof code === 'string') Object.assign(copy, { code: mask(code) });
  return copy;
}

const UNREADABLE = '(a value that could not be read)';

function read(get: () => unknown): unknown {
  try {
    return get();
  } catch {
    return UNREADABLE;
  }
}

function readText(get: () => unknown): string {
  try {
    return String(get());
  } catch {
    return UNREADABLE;
  }
}
