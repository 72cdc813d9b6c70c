import { inspect } from 'node:util';

/**
 * Every spelling a token takes on its way into a text: as given and as the client trims
 * it; raw, percent-encoded with upper- and lower-case hex, form-encoded, JSON-escaped,
 * escaped the way PHP's `json_encode` does (`\/` and `\uXXXX`), as a header value arrives
 * (UTF-8 bytes read as Latin-1), quoted in CSV (`"` doubled), and escaped for a terminal
 * (control characters and bidirectional overrides as `\t` or `\u202e`).
 */
export function canarySpellings(token: string): string[] {
  const spellings = new Set<string>();
  for (const form of [token, token.trim()]) {
    const encoded = encodeURIComponent(form);
    spellings.add(form);
    spellings.add(encoded);
    spellings.add(encoded.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()));
    spellings.add(new URLSearchParams({ t: form }).toString().slice(2));
    spellings.add(JSON.stringify(form).slice(1, -1));
    spellings.add(phpJsonEscape(form));
    spellings.add(String.fromCharCode(...new TextEncoder().encode(form)));
    spellings.add(form.replace(/"/g, '""'));
    spellings.add(terminalEscape(form));
    for (const spelling of phpSpellings(form)) spellings.add(spelling);
  }
  return [...spellings].filter((spelling) => spelling.length > 0);
}

/**
 * `text` as a PHP back end may echo it: `rawurlencode`, `urlencode` (upper- and lower-case
 * hex), `htmlspecialchars` with ENT_QUOTES, and `json_encode` with JSON_UNESCAPED_SLASHES or
 * JSON_UNESCAPED_UNICODE.
 */
export function phpSpellings(text: string): string[] {
  const rawUrl = phpRawUrlencode(text);
  const url = phpUrlencode(text);
  // The request's own query (a space as `+`) quoted in another URL's `next=`.
  const sentQuery = new URLSearchParams({ t: text }).toString().slice(2);
  const html = (value: string) =>
    value
      .split('')
      .map((char) => HTML_ENTITIES[char] ?? char)
      .join('');
  const unescapedSlashes = phpJsonEscape(text).replace(/\\\//g, '/');
  const unescapedUnicode = JSON.stringify(text).slice(1, -1).replace(/\//g, '\\/');
  const noQuotes = value(text, { '&': '&amp;', '<': '&lt;', '>': '&gt;' });
  const hexJson = value(text, {
    '<': '\\u003C',
    '>': '\\u003E',
    '&': '\\u0026',
    "'": '\\u0027',
    '"': '\\u0022',
    '/': '\\/',
    '\\': '\\\\',
  }).replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return [
    phpUrlencode(sentQuery),
    phpRawUrlencode(url),
    noQuotes,
    hexJson,
    text.toUpperCase(),
    text.toLowerCase(),
    rawUrl.replace(/%/g, '%25'),
    encodeURIComponent(encodeURIComponent(text)),
    rawUrl,
    url,
    rawUrl.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    html(text),
    html(JSON.stringify(text).slice(1, -1)),
    JSON.stringify(html(text)).slice(1, -1),
    phpJsonEscape(html(text)),
    unescapedSlashes,
    unescapedUnicode,
  ];
}

/** PHP's `rawurlencode`: every byte but letters, digits and `-_.~` as upper-case `%XX`. */
function phpRawUrlencode(text: string): string {
  return percentBytes(text, (char) => (/[A-Za-z0-9\-_.~]/.test(char) ? char : null));
}

/** PHP's `urlencode`: as `rawurlencode`, but a space is `+` and `~` is `%7E`. */
function phpUrlencode(text: string): string {
  return percentBytes(text, (char) =>
    /[A-Za-z0-9\-_.]/.test(char) ? char : char === ' ' ? '+' : null,
  );
}

function percentBytes(text: string, keep: (char: string) => string | null): string {
  return [...new TextEncoder().encode(text)]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return (
        (byte < 0x80 ? keep(char) : null) ?? `%${byte.toString(16).toUpperCase().padStart(2, '0')}`
      );
    })
    .join('');
}

/** `text` with each character that `replacements` names replaced. */
function value(text: string, replacements: Record<string, string>): string {
  return text
    .split('')
    .map((char) => replacements[char] ?? char)
    .join('');
}

const HTML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&#039;',
  '<': '&lt;',
  '>': '&gt;',
};

/** Where some spelling of `token` shows in `texts`: the spelling and a little context. */
export function findCanary(token: string, texts: readonly string[]): string[] {
  const spellings = canarySpellings(token);
  return texts.flatMap((text) => {
    const found = spellings.find((spelling) => text.includes(spelling));
    if (found === undefined) return [];
    const at = text.indexOf(found);
    const context = text.slice(Math.max(0, at - 60), at + found.length + 20);
    return [`${JSON.stringify(found)} in …${JSON.stringify(context)}…`];
  });
}

/** `text` with control characters and bidirectional overrides escaped, as `\t` or `\u202e`. */
function terminalEscape(text: string): string {
  const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r' };
  return text.replace(
    /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu,
    (char) => named[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** `text` as PHP's `json_encode` writes it inside a string, without the quotes. */
export function phpJsonEscape(text: string): string {
  return JSON.stringify(text)
    .slice(1, -1)
    .replace(/\//g, '\\/')
    .replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A JSON body as a PHP back end writes it: `/` and every non-ASCII character escaped. */
export function phpJson(body: unknown): string {
  return JSON.stringify(body)
    .replace(/\//g, '\\/')
    .replace(/[^\x20-\x7e]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Every text a caller could see of an error and of what its hooks received: messages and
 * stacks down the `cause` chain, `JSON.stringify` and `util.inspect` with full depth.
 */
export function exposedTexts(error: unknown, payloads: readonly unknown[] = []): string[] {
  const texts = [
    JSON.stringify(error) ?? '',
    inspect(error, { depth: null }),
    JSON.stringify(payloads),
    inspect(payloads, { depth: null }),
  ];
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 10; depth++) {
    texts.push(current.message, current.stack ?? '', String(current));
    current = current.cause;
  }
  return texts.map(withoutStackFrames);
}

// Frames name source files and functions, never data; a token spelled like a file name
// would otherwise be "found" in them.
function withoutStackFrames(text: string): string {
  return text.replace(/^\s+at .*$/gm, '');
}
