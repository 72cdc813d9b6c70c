/** One fenced code block of a Markdown file. */
export interface Snippet {
  /** The Markdown file, relative to the repo root. */
  readonly file: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  /** The fence's language, lower case; `""` when none. */
  readonly language: string;
  readonly code: string;
  /**
   * Why the snippet is not run, from a `<!-- snippet-skip: reason -->` line right above the
   * fence; `""` when the marker gives no reason; `null` without a marker.
   */
  readonly skipReason: string | null;
}

const RUNNABLE = new Set(['ts', 'typescript', 'js', 'javascript', 'mjs', 'cjs']);
const TYPESCRIPT = new Set(['ts', 'typescript']);
const OPENING_FENCE = /^(`{3,}|~{3,})\s*([\w-]*)/;
const SKIP_MARKER = /^<!--\s*snippet-skip:?\s*(.*?)\s*-->$/;

/** Every fenced code block of `markdown`, in order. */
export function extractSnippets(file: string, markdown: string): Snippet[] {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING_FENCE.exec(lines[index] ?? '');
    if (!opening) continue;

    const fence = opening[1] ?? '```';
    const end = findClosingFence(lines, index + 1, fence);
    snippets.push({
      file,
      line: index + 1,
      language: (opening[2] ?? '').toLowerCase(),
      code: lines.slice(index + 1, end).join('\n'),
      skipReason: skipReasonAbove(lines, index),
    });
    index = end;
  }
  return snippets;
}

/** Whether the snippet is JavaScript or TypeScript meant to run (shell and data never are). */
export function isRunnable(snippet: Snippet): boolean {
  return RUNNABLE.has(snippet.language) && snippet.skipReason === null;
}

/**
 * The file name the snippet is written to: TypeScript as `.mts`, JavaScript that uses
 * `require()` as `.cjs`, other JavaScript as `.mjs`.
 */
export function snippetFileName(snippet: Snippet): string {
  const base = `${snippet.file.replace(/[^\w]+/g, '-')}-${snippet.line}`;
  if (TYPESCRIPT.has(snippet.language)) return `${base}.mts`;
  const commonJs = snippet.language === 'cjs' || /\brequire\(/.test(snippet.code);
  return `${base}.${commonJs ? 'cjs' : 'mjs'}`;
}

function findClosingFence(lines: readonly string[], from: number, fence: string): number {
  const closing = new RegExp(`^${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
  const end = lines.findIndex((line, index) => index >= from && closing.test(line));
  return end === -1 ? lines.length : end;
}

function skipReasonAbove(lines: readonly string[], fenceIndex: number): string | null {
  let index = fenceIndex - 1;
  while (index >= 0 && lines[index]?.trim() === '') index--;
  const marker = SKIP_MARKER.exec(lines[index]?.trim() ?? '');
  return marker ? (marker[1] ?? '') : null;
}
