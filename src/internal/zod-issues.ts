import type { z } from 'zod';

import type { CincopaIssue } from '../errors.js';

/** Turns zod's issues into the SDK's, with paths of strings and numbers only. */
export function toIssues(error: z.ZodError): CincopaIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
    message: issue.message,
  }));
}

/** Formats issues as "`a.b[0]`: message; …", the first few only. */
export function describeIssues(issues: readonly CincopaIssue[], limit = 3): string {
  const shown = issues.slice(0, limit).map((issue) => {
    const where = issue.path.length > 0 ? `\`${formatPath(issue.path)}\`: ` : '';
    return `${where}${issue.message}`;
  });
  const more = issues.length > limit ? ` (and ${issues.length - limit} more)` : '';
  return `${shown.join('; ')}${more}`;
}

/** Formats a path the way it would be written in JavaScript: `items[0].versions.hd`. */
export function formatPath(path: readonly (string | number)[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `[${key}]`;
      return index === 0 ? key : `.${key}`;
    })
    .join('');
}
