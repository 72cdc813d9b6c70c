import type { TokenMasker } from './token-mask.js';

const EXCERPT_LENGTH = 200;

// The start of the body that is masked and folded. Whitespace folds to one space, so a
// padded body can bring text from far into the excerpt.
const WINDOW = 28_000;

// A token cut by the window's end cannot be masked: the end of a cut window is never shown.
// It is longer than the longest spelling of the longest token the client accepts
// (`MAX_TOKEN_LENGTH` characters, each at most 15 when a 3-byte character is encoded twice).
const UNSHOWN_TAIL = 24_000;

/** The start of a response body for an error: whitespace folded, token masked, cut short. */
export function excerptOf(body: string, mask: TokenMasker): string {
  // Mask before cutting, so that a token split by the cut cannot survive half-visible.
  const folded = mask(body.slice(0, WINDOW)).replace(/\s+/g, ' ').trim();
  if (body.length <= WINDOW) {
    return folded.length > EXCERPT_LENGTH ? `${folded.slice(0, EXCERPT_LENGTH)}…` : folded;
  }
  const safe = folded.slice(0, Math.max(0, folded.length - UNSHOWN_TAIL));
  return `${safe.slice(0, EXCERPT_LENGTH)}…`;
}

/**
 * The start of `text`: at most `length` characters, and an ellipsis when it was cut. Mask
 * before clipping, so that a token cut in two cannot escape the mask.
 */
export function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length)}…` : text;
}

/** Cincopa's own explanation in a JSON error body (`message`, else `error`), if any. */
export function serverMessageOf(body: unknown): string | undefined {
  if (body === null || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  for (const key of ['message', 'error']) {
    const value = record[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}
