import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

// The entry points a reader starts from carry an `@example` in their TSDoc, which typedoc
// shows on their page (STYLE.md; issue 4).
const REQUIRED: readonly (readonly [file: string, declaration: string])[] = [
  ['src/client.ts', 'export class CincopaClient'],
  ['src/client.ts', '  async getAssetVersions('],
  ['src/client.ts', '  listAssets('],
  ['src/get-asset-versions.ts', 'export async function getAssetVersions('],
  ['src/extract-versions.ts', 'export function extractVersions('],
  ['src/list-assets.ts', 'export function listAssets('],
  ['src/audit-versions.ts', 'export function auditVersions('],
];

/** The doc comment that ends right above `declaration`, or `null`. */
function docCommentAbove(source: string, declaration: string): string | null {
  const at = source.indexOf(`\n${declaration}`);
  if (at === -1) return null;
  const before = source.slice(0, at).trimEnd();
  if (!before.endsWith('*/')) return null;
  return before.slice(before.lastIndexOf('/**'));
}

describe('the TSDoc of the main entry points', () => {
  it.each(REQUIRED)('has an @example on %s `%s`', (file, declaration) => {
    const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');

    const comment = docCommentAbove(source, declaration);

    expect(comment, `no doc comment above ${declaration}`).not.toBeNull();
    expect(comment).toContain('@example');
  });
});
