import { afterEach, describe, expect, it } from 'vitest';

import { type FakeCincopa, generateAccount, startFakeCincopa } from '../../src/testing/index.js';
import { run } from './run.js';

const TOKEN = 'cli-doctor-SECRET-token';

describe('cincopa-versions doctor', () => {
  let server: FakeCincopa | undefined;

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function doctor(token: string, permissions?: string) {
    server = await startFakeCincopa({
      token: TOKEN,
      assets: generateAccount({ count: 7 }).assets,
      ...(permissions ? { permissions } : {}),
    });
    return run(['doctor', '--base-url', server.baseUrl], { CINCOPA_API_TOKEN: token });
  }

  it('prints the masked configuration, what the token may do, and exits 0', async () => {
    const result = await doctor(TOKEN, 'asset.read,asset.write');

    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  token             *** (set, from CINCOPA_API_TOKEN)\n');
    expect(result.stdout).toContain(`  API root          ${server?.baseUrl} (--base-url)\n`);
    expect(result.stdout).toContain('  ping.json         ok: the token is valid (account FAKE)\n');
    expect(result.stdout).toContain('  permissions       asset.read, asset.write\n');
    expect(result.stdout).toContain('  asset.list.json   ok: 7 assets visible\n');
    expect(result.stdout).toContain('Ready:');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  });

  it('reports a refused token as a failed check and exits 1', async () => {
    const result = await doctor('not-the-token');

    expect(result.code).toBe(1);
    expect(result.stdout).toContain('  ping.json         failed: Authentication failed: HTTP 403');
    expect(result.stdout).toContain('Not ready');
    expect(server?.requests).toHaveLength(1);
    expect(result.stdout).not.toContain('not-the-token');
  });

  it('exits 2 when no token is configured', async () => {
    const result = await run(['doctor'], {});

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Missing API token: set `CINCOPA_API_TOKEN`');
  });
});
