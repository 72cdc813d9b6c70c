// Control characters (C0 and C1, such as ESC and CSI) would let a text move the cursor, clear
// the screen or set the terminal's title; bidirectional overrides, isolates and marks would
// let it reorder what is shown, so that `evil\u202eexe.mp4` reads as `evil4pm.exe`.
const UNPRINTABLE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** Text safe to show on a terminal: control characters are shown escaped, as `\n` or `\u001b`. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\t') return '\\t';
    if (char === '\r') return '\\r';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** Lines safe to show on a terminal: each made {@link printable}, the line breaks kept. */
export function terminalLines(text: string): string {
  return text.split('\n').map(printable).join('\n');
}
