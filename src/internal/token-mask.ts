/** What every masked token is replaced with. */
export const TOKEN_MASK = '***';

/** Replaces every spelling of one token in a text; the identity when there is no token. */
export type TokenMasker = (text: string) => string;

const TOKEN_PARAM = /([?&]api_token=)[^&#\s"'<>]*/gi;

/**
 * Builds a masker for `token` that catches the spellings a token takes on its way into a
 * message: as typed, percent-encoded (both `encodeURIComponent` and form encoding, where a
 * space becomes `+`), escaped inside JSON, as a header value reads, and any `api_token=`
 * query parameter whatever its value.
 */
export function createTokenMasker(token: string | undefined): TokenMasker {
  // The client sends the token trimmed, and the trimmed token is what servers echo back.
  const sent = token?.trim();
  const spellings = sent ? tokenSpellings(sent) : [];

  return (text) => {
    let masked = text.replace(TOKEN_PARAM, `$1${TOKEN_MASK}`);
    for (const spelling of spellings) {
      masked = masked.split(spelling).join(TOKEN_MASK);
    }
    return masked;
  };
}

// PHP's json_encode escapes `/` and every non-ASCII character by default.
function phpJsonSpelling(token: string): string {
  return JSON.stringify(token)
    .slice(1, -1)
    .replace(/\//g, '\\/')
    .replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

// Header values reach `fetch` callers as bytes read one character each (Latin-1), so a
// non-ASCII token echoed in a header arrives as the Latin-1 reading of its UTF-8 bytes.
function headerSpelling(token: string): string {
  return String.fromCharCode(...new TextEncoder().encode(token));
}

function tokenSpellings(token: string): string[] {
  const encoded = encodeURIComponent(token);
  const candidates = [
    token,
    encoded,
    encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    new URLSearchParams({ t: token }).toString().slice(2),
    JSON.stringify(token).slice(1, -1),
    phpJsonSpelling(token),
    headerSpelling(token),
  ];
  // Longest first, so that a spelling containing another is replaced whole.
  return [...new Set(candidates)]
    .filter((spelling) => spelling.length > 0)
    .sort((a, b) => b.length - a.length);
}
