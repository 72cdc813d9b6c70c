import fc from 'fast-check';

// Characters that URL encoding, form encoding and JSON escaping each spell differently.
const LETTERS = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const DIGITS = [...'0123456789'];
const RESERVED = ['%', '+', '&', '=', '/', '?', '#', ' ', '"', '\\', "'", '<', '>', ';', ',', '\t'];
const UNICODE = [
  'é',
  'ß',
  'Ω',
  'ж',
  '漢',
  '字',
  '😀',
  '🔑',
  '\u00a0',
  '\u200b',
  'ﬁ',
  'İ',
  '\u202e',
  '\u001b',
];

/**
 * A random API token: letters, digits, characters that URL and JSON encodings rewrite, and
 * unicode (accents, CJK, astral emoji, invisible spaces). At least 8 characters once trimmed,
 * so that finding one in a text is never a coincidence.
 */
export function canaryToken(): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...LETTERS) },
    { weight: 2, arbitrary: fc.constantFrom(...DIGITS) },
    { weight: 2, arbitrary: fc.constantFrom(...RESERVED) },
    { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
  );
  return fc
    .string({ unit, minLength: 8, maxLength: 48 })
    .filter((token) => token.trim().length >= 8);
}
