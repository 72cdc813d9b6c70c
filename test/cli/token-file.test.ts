import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeCincopa, helpArticleAsset, startFakeCincopa } from '../../src/testing/index.js';
import { run } from './run.js';

const TOKEN = 'file-SECRET-token';

describe('the CLI token', () => {
  let server: FakeCincopa;
  let folder: string;

  beforeAll(async () => {
    server = await startFakeCincopa({ token: TOKEN, assets: [helpArticleAsset] });
    folder = await mkdtemp(join(tmpdir(), 'cincopa-token-'));
  });

  afterAll(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function tokenFile(name: string, text: string, mode = 0o600) {
    const path = join(folder, name);
    await writeFile(path, text);
    await chmod(path, mode);
    return path;
  }

  const get = (args: string[], env: Record<string, string> = {}) =>
    run(['get', 'ASSET_RID', '--base-url', server.baseUrl, ...args], env);

  it('is read from --token-file, trailing newline and all, and never printed', async () => {
    const path = await tokenFile('token', `${TOKEN}\n`);

    const result = await get(['--token-file', path]);

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toContain(TOKEN);
  });

  it('prefers --token-file to CINCOPA_API_TOKEN', async () => {
    const path = await tokenFile('preferred', TOKEN);

    const result = await get(['--token-file', path], { CINCOPA_API_TOKEN: 'stale-token' });

    expect(result.code).toBe(0);
  });

  it('warns when the token file may be read by other users', async () => {
    const path = await tokenFile('shared', TOKEN, 0o644);

    const result = await get(['--token-file', path]);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('may be read by other users (mode 644)');
  });

  it('exits 2 for a missing or empty token file', async () => {
    const empty = await tokenFile('empty', '\n');

    const missing = await get(['--token-file', join(folder, 'nope')]);
    const blank = await get(['--token-file', empty]);

    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Unreadable token file');
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('Empty token file');
  });

  it('refuses --token, without ever printing its value', async () => {
    const before = server.requests.length;

    const result = await get(['--token', TOKEN]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'Refused flag: `--token` would leave the token in shell history',
    );
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
    expect(server.requests).toHaveLength(before);
  });

  it('masks a token from a file in every error', async () => {
    const path = await tokenFile('wrong', 'a-wrong-file-token');

    const result = await get(['--token-file', path]);

    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Authentication failed');
    expect(result.stderr).not.toContain('a-wrong-file-token');
  });
});
