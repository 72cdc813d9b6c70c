// Control characters would let a file name move the cursor, clear the screen or set the
// terminal's title; bidirectional overrides would let it reorder what is shown.
const UNPRINTABLE = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/** Text safe to show on a terminal: control characters are shown escaped, as `\n` or `\u001b`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\t') return '\\t';
    if (char === '\r') return '\\r';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}
