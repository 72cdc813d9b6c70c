// Every JavaScript and TypeScript snippet of the README and the guides is type-checked against
// the built package and run with node against the fake Cincopa on loopback, so no example can
// rot. A snippet that must not run carries `<!-- snippet-skip: reason -->` right above it.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

import { transform } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type FakeCincopa,
  generateAccount,
  helpArticleAsset,
  startFakeCincopa,
} from '../../src/testing/index.js';
import { type Snippet, extractSnippets, isRunnable, snippetFileName } from './markdown-snippets.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const run = promisify(execFile);

const markdownFiles = [
  'README.md',
  ...readdirSync(join(root, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];
const snippets = markdownFiles.flatMap((file) =>
  extractSnippets(file, readFileSync(join(root, file), 'utf8')),
);
const runnable = snippets.filter(isRunnable);

let folder: string;
let server: FakeCincopa;

beforeAll(async () => {
  expect(existsSync(join(root, 'dist', 'index.js')), 'dist/ is missing: `npm run build`').toBe(
    true,
  );
  folder = mkdtempSync(join(tmpdir(), 'cincopa-snippets-'));
  // The snippets import the package by name, resolved through this link to the built dist/.
  // msw is linked too, for the guide on testing with its handlers.
  mkdirSync(join(folder, 'node_modules', '@org'), { recursive: true });
  symlinkSync(root, join(folder, 'node_modules', '@org', 'cincopa-versions'), 'dir');
  symlinkSync(join(root, 'node_modules', 'msw'), join(folder, 'node_modules', 'msw'), 'dir');
  for (const snippet of runnable) await writeSnippet(snippet);
  const account = generateAccount({ count: 30, seed: 7 });
  server = await startFakeCincopa({ assets: [helpArticleAsset, ...account.assets] });
});

afterAll(async () => {
  await server?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Writes the snippet as is, for tsc, and as JavaScript for node. */
async function writeSnippet(snippet: Snippet): Promise<void> {
  const name = snippetFileName(snippet);
  writeFileSync(join(folder, name), snippet.code);
  if (!name.endsWith('.mts')) return;
  const { code } = await transform(snippet.code, { loader: 'ts', format: 'esm' });
  writeFileSync(join(folder, name.replace(/\.mts$/, '.mjs')), code);
}

describe('the snippets of the README and the guides', () => {
  it('finds runnable snippets in the README and the guides', () => {
    const filesWithSnippets = new Set(runnable.map((snippet) => snippet.file));

    expect(runnable.length).toBeGreaterThan(10);
    expect(filesWithSnippets).toContain('README.md');
    expect(filesWithSnippets).toContain('docs/getting-started.md');
  });

  it('says why each skipped snippet is skipped', () => {
    const unexplained = snippets.filter((snippet) => snippet.skipReason === '');

    expect(unexplained.map((snippet) => `${snippet.file}:${snippet.line}`)).toEqual([]);
  });

  it('type-checks every snippet against the built package', async () => {
    const files = runnable.map(snippetFileName);
    writeFileSync(join(folder, 'tsconfig.json'), JSON.stringify(snippetTsconfig(files)));

    const result = await run(
      process.execPath,
      [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', folder],
      { cwd: folder },
    ).catch((error: { stdout: string }) => ({ stdout: error.stdout }));

    expect(result.stdout).toBe('');
  }, 60_000);

  // One at a time: each run is a node process, and CI has two cores to share with the other
  // test files.
  it.each(runnable.map((snippet) => [`${snippet.file}:${snippet.line}`, snippet]))(
    'runs %s against the fake Cincopa',
    async (_, snippet) => {
      const file = snippetFileName(snippet as Snippet).replace(/\.mts$/, '.mjs');

      const { stdout, stderr } = await run(process.execPath, [file], {
        cwd: folder,
        env: { ...process.env, CINCOPA_API_TOKEN: server.token, CINCOPA_BASE_URL: server.baseUrl },
        timeout: 15_000,
      });

      expect(`${stdout}${stderr}`).not.toContain(server.token);
    },
    20_000,
  );
});

function snippetTsconfig(files: readonly string[]) {
  return {
    compilerOptions: {
      module: 'nodenext',
      moduleResolution: 'nodenext',
      target: 'es2022',
      lib: ['es2022'],
      types: ['node'],
      typeRoots: [join(root, 'node_modules', '@types')],
      strict: true,
      allowJs: true,
      checkJs: true,
      skipLibCheck: true,
      noEmit: true,
    },
    files,
  };
}
