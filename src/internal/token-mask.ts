/** What every masked token is replaced with. */
export const TOKEN_MASK = '***';

/** Replaces every spelling of one token in a text; the identity when there is no token. */
export type TokenMasker = (text: string) => string;

const TOKEN_PARAM = /([?&]api_token=)[^&#\s"'<>]*/gi;

/**
 * Builds a masker for `token` that catches the spellings a token takes on its way into a
 * message: as typed; percent-encoded the ways JavaScript and PHP do it (`encodeURIComponent`,
 * form encoding, `rawurlencode`, `urlencode`), with upper- or lower-case hex; escaped inside
 * JSON by JavaScript or by PHP's `json_encode` under its common flags; escaped for HTML by
 * `htmlspecialchars`; as a header value reads; and any `api_token=` query parameter whatever
 * its value.
 */
export function createTokenMasker(token: string | undefined): TokenMasker {
  // The client sends the token trimmed, and the trimmed token is what servers echo back.
  const sent = token?.trim();
  const spellings = sent ? tokenSpellings(sent) : [];
  const anySpelling =
    spellings.length > 0 ? new RegExp(spellings.map(escape).join('|'), 'g') : null;

  return (text) => {
    const masked = text.replace(TOKEN_PARAM, `$1${TOKEN_MASK}`);
    return anySpelling ? masked.replace(anySpelling, TOKEN_MASK) : masked;
  };
}

function tokenSpellings(token: string): string[] {
  // JSON inside an HTML page, and an HTML-escaped message inside a JSON body, both occur.
  const texts = [token, ...jsonSpellings(token)];
  const html = texts.flatMap(htmlSpellings);
  const candidates = [
    ...texts,
    ...html,
    ...html.flatMap(jsonSpellings),
    ...percentSpellings(token),
    headerSpelling(token),
  ];
  // Longest first, so that the alternation replaces a spelling containing another whole.
  return [...new Set(candidates)]
    .filter((spelling) => spelling.length > 0)
    .sort((a, b) => b.length - a.length);
}

function percentSpellings(token: string): string[] {
  const component = encodeURIComponent(token);
  // PHP's rawurlencode also escapes the five characters encodeURIComponent leaves alone;
  // urlencode does too, and writes a space as `+` and `~` as `%7E`.
  const raw = component.replace(/[!'()*]/g, hexEscape);
  const php = raw.replace(/%20/g, '+').replace(/~/g, '%7E');
  const form = new URLSearchParams({ t: token }).toString().slice(2);
  return [component, raw, php, form].flatMap((spelling) => [spelling, lowerHex(spelling)]);
}

// JSON.stringify's own escapes, then json_encode's: by default it escapes `/` as `\/` and
// every non-ASCII character as `\uXXXX`; JSON_UNESCAPED_SLASHES and JSON_UNESCAPED_UNICODE
// each turn one of the two off.
function jsonSpellings(token: string): string[] {
  const plain = JSON.stringify(token).slice(1, -1);
  const slashes = plain.replace(/\//g, '\\/');
  return [plain, slashes, unicodeEscaped(plain), unicodeEscaped(slashes)];
}

// htmlspecialchars with ENT_QUOTES writes `'` as `&#039;`, or as `&apos;` under ENT_HTML5.
function htmlSpellings(text: string): string[] {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return ['&#039;', '&#39;', '&apos;', "'"].map((quote) => escaped.replace(/'/g, quote));
}

// Header values reach `fetch` callers as bytes read one character each (Latin-1), so a
// non-ASCII token echoed in a header arrives as the Latin-1 reading of its UTF-8 bytes.
function headerSpelling(token: string): string {
  return String.fromCharCode(...new TextEncoder().encode(token));
}

function unicodeEscaped(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (char) => `\\u${hex4(char.charCodeAt(0))}`);
}

function hexEscape(char: string): string {
  return `%${char.charCodeAt(0).toString(16).toUpperCase()}`;
}

function lowerHex(text: string): string {
  return text.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase());
}

function hex4(code: number): string {
  return code.toString(16).padStart(4, '0');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
