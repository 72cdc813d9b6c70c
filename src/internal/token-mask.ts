/** What every masked token is replaced with. */
export const TOKEN_MASK = '***';

/** Replaces every spelling of one token in a text; the identity when there is no token. */
export type TokenMasker = (text: string) => string;

const TOKEN_PARAM = /([?&]api_token=)[^&#\s"'<>]*/gi;

/**
 * Builds a masker for `token` that catches the spellings a token takes on its way into a
 * message: as typed, and in upper or lower case; percent-encoded the ways JavaScript and PHP
 * do it (`encodeURIComponent`, form encoding, `rawurlencode`, `urlencode`), with upper- or
 * lower-case hex, once or twice; escaped inside JSON by JavaScript or by PHP's `json_encode`
 * under its common flags; escaped for HTML by `htmlspecialchars`; as a header value reads;
 * and any `api_token=` query parameter whatever its value.
 */
export function createTokenMasker(token: string | undefined): TokenMasker {
  // The client sends the token trimmed, and the trimmed token is what servers echo back.
  const sent = token?.trim();
  const spellings = sent ? tokenSpellings(sent) : [];
  const maskSpellings = spellingMasker(spellings);

  // Spellings first: the parameter rule stops at `&` or a quote, which a token may hold.
  return (text) => maskSpellings(text).replace(TOKEN_PARAM, `$1${TOKEN_MASK}`);
}

// One alternation is fastest; a regular expression too large for the engine (a token of
// thousands of special characters) falls back to replacing each spelling in turn.
function spellingMasker(spellings: readonly string[]): TokenMasker {
  if (spellings.length === 0) return (text) => text;
  try {
    const anySpelling = new RegExp(spellings.map(escape).join('|'), 'g');
    // V8 compiles a pattern on its first use: use it once here, where a failure is caught.
    ''.replace(anySpelling, '');
    return (text) => text.replace(anySpelling, TOKEN_MASK);
  } catch {
    return (text) =>
      spellings.reduce((masked, spelling) => masked.split(spelling).join(TOKEN_MASK), text);
  }
}

function tokenSpellings(token: string): string[] {
  // JSON inside an HTML page, and an HTML-escaped message inside a JSON body, both occur.
  const texts = [token, ...jsonSpellings(token)];
  const html = texts.flatMap(htmlSpellings);
  const candidates = [
    ...texts,
    token.toLowerCase(),
    token.toUpperCase(),
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
  const once = percentEncodings(token);
  // A URL carried inside another URL's query (a login page's `next=`) is encoded twice,
  // perhaps by another encoder than the first: `+` for a space becomes `%2B`, `%` `%25`.
  const twice = [...new Set(once)].flatMap(percentEncodings);
  return [...once, ...twice].flatMap((spelling) => [spelling, lowerHex(spelling)]);
}

// encodeURIComponent, PHP's rawurlencode (which also escapes the five characters
// encodeURIComponent leaves alone), urlencode (a space as `+`, `~` as `%7E`) and form
// encoding, each with upper-case hex.
function percentEncodings(text: string): string[] {
  const component = encodeURIComponent(text);
  const raw = component.replace(/[!'()*]/g, hexEscape);
  const php = raw.replace(/%20/g, '+').replace(/~/g, '%7E');
  const form = new URLSearchParams({ t: text }).toString().slice(2);
  return [component, raw, php, form];
}

// JSON.stringify's own escapes, then json_encode's: by default it escapes `/` as `\/` and
// every non-ASCII character as a `\u00e9`-style escape; JSON_UNESCAPED_SLASHES and
// JSON_UNESCAPED_UNICODE each turn one of the two off.
function jsonSpellings(token: string): string[] {
  const plain = JSON.stringify(token).slice(1, -1);
  const slashes = plain.replace(/\//g, '\\/');
  return [plain, slashes, unicodeEscaped(plain), unicodeEscaped(slashes), hexEscapedJson(token)];
}

// json_encode with JSON_HEX_TAG, JSON_HEX_AMP, JSON_HEX_APOS and JSON_HEX_QUOT, as templates
// print data into pages: `<`, `>`, `&`, `'` and `"` as `\u003C`-style upper-case escapes.
function hexEscapedJson(token: string): string {
  const escaped = token.replace(/[\\/<>&'"]/g, (char) => {
    if (char === '\\') return '\\\\';
    if (char === '/') return '\\/';
    return `\\u${hex4(char.charCodeAt(0)).toUpperCase()}`;
  });
  return unicodeEscaped(escaped);
}

// htmlspecialchars with ENT_QUOTES writes `'` as `&#039;`, or as `&apos;` under ENT_HTML5.
function htmlSpellings(text: string): string[] {
  const escaped = text
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  // ENT_NOQUOTES leaves both quotes as they are.
  const noQuotes = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return [
    noQuotes,
    ...['&#039;', '&#39;', '&apos;', "'"].map((quote) => escaped.replace(/'/g, quote)),
  ];
}

// Header values reach `fetch` callers as bytes read one character each (Latin-1), so a
// non-ASCII token echoed in a header arrives as the Latin-1 reading of its UTF-8 bytes.
function headerSpelling(token: string): string {
  const bytes = new TextEncoder().encode(token);
  let latin1 = '';
  // In slices: spreading a huge token's bytes at once would overflow the call stack.
  for (let start = 0; start < bytes.length; start += 8_192) {
    latin1 += String.fromCharCode(...bytes.subarray(start, start + 8_192));
  }
  return latin1;
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
