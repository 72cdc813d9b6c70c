import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type FakeCincopa, helpArticleAsset, startFakeCincopa } from '../../src/testing/index.js';
import { run } from './run.js';

const TOKEN = 'cli-flags-SECRET-token';
const VALUE = 'FLAGSECRET3';

describe('flags the CLI refuses', () => {
  let server: FakeCincopa;

  beforeAll(async () => {
    server = await startFakeCincopa({ token: TOKEN, assets: [helpArticleAsset] });
  });

  afterAll(async () => {
    await server.close();
  });

  const cli = (args: string[]) => run(args, { CINCOPA_API_TOKEN: TOKEN });
  const firstLine = (text: string) => text.split('\n')[0];

  it.each([
    [['--token', VALUE, 'get', 'ASSET_RID']],
    [[`--token=${VALUE}`, 'get', 'ASSET_RID']],
    [['get', 'ASSET_RID', `--token=${VALUE}`]],
    [['get', 'ASSET_RID', '--token', VALUE]],
  ])('refuses --token the same way wherever it stands, value hidden: %j', async (args) => {
    const result = await cli([...args, '--base-url', server.baseUrl]);

    expect(result.code).toBe(2);
    expect(firstLine(result.stderr)).toBe(
      'error: Refused flag: `--token` would leave the token in shell history; set `CINCOPA_API_TOKEN` or pass `--token-file <path>`.',
    );
    expect(result.stderr).not.toContain(VALUE);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    [[`--bogus=${VALUE}`, 'get', 'ASSET_RID'], '`--bogus`'],
    [[`--base-url=${VALUE}`, 'get', 'ASSET_RID'], '`--base-url`'],
    [[`-x${VALUE}`, 'get', 'ASSET_RID'], '`-x`'],
    [['get', 'ASSET_RID', `--bogus=${VALUE}`], '`--bogus`'],
    [['get', 'ASSET_RID', `--json=${VALUE}`], '--json'],
    [['audit', `--only-versioned=${VALUE}`], '--only-versioned'],
    [['doctor', `--bogus=${VALUE}`], '`--bogus`'],
  ])('names an unknown or malformed flag without its value: %j', async (args, name) => {
    const result = await cli(args);

    expect(result.code).toBe(2);
    expect(firstLine(result.stderr)).toContain(name);
    expect(result.stderr).not.toContain(VALUE);
  });

  it('masks no command name when --token is given without a value', async () => {
    const result = await cli(['--token', 'get', 'ASSET_RID']);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('get <rid...>');
  });
});
