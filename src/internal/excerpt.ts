import type { TokenMasker } from './token-mask.js';

const EXCERPT_LENGTH = 200;

/** The start of a response body for an error: whitespace folded, token masked, cut short. */
export function excerptOf(body: string, mask: TokenMasker): string {
  // Mask before cutting, so that a token split by the cut cannot survive half-visible.
  const folded = mask(body.slice(0, EXCERPT_LENGTH * 4))
    .replace(/\s+/g, ' ')
    .trim();
  return folded.length > EXCERPT_LENGTH ? `${folded.slice(0, EXCERPT_LENGTH)}…` : folded;
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
