import { inspect } from 'node:util';

/** Every spelling of `token` that a leak could take. */
export function tokenSpellings(token: string): string[] {
  return [
    token,
    encodeURIComponent(token),
    new URLSearchParams({ t: token }).toString().slice(2),
    JSON.stringify(token).slice(1, -1),
  ];
}

/** Every text reachable from an error: message, stack, cause chain, JSON, inspection. */
export function errorTexts(error: unknown): string[] {
  const texts = [JSON.stringify(error) ?? '', inspect(error, { depth: null, showHidden: true })];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    texts.push(current.message, current.stack ?? '', String(current));
    current = current.cause;
  }
  return texts;
}

/** The spellings of `token` found in `texts`; empty when nothing leaked. */
export function findLeaks(token: string, texts: readonly string[]): string[] {
  const spellings = tokenSpellings(token);
  return texts.filter((text) => spellings.some((spelling) => text.includes(spelling)));
}
