import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  type FakeCincopa,
  buildAsset,
  helpArticleAsset,
  startFakeCincopa,
} from '../../src/testing/index.js';
import { run } from './run.js';

const TOKEN = 'cli-get-SECRET-token';

describe('cincopa-versions get with several rids', () => {
  let server: FakeCincopa;

  beforeAll(async () => {
    server = await startFakeCincopa({
      token: TOKEN,
      assets: [helpArticleAsset, buildAsset('TWO', { versions: [10, 20] })],
    });
  });

  afterAll(async () => {
    await server.close();
  });

  const get = (...args: string[]) =>
    run(['get', ...args, '--base-url', server.baseUrl], { CINCOPA_API_TOKEN: TOKEN });

  it('prints each asset in the order given, reports a failed one on stderr, and exits 1', async () => {
    const result = await get('TWO', 'MISSING', 'ASSET_RID');

    expect(result.code).toBe(1);
    expect(result.stdout.indexOf('TWO  two.mp4')).toBe(0);
    expect(result.stdout).toContain('\n\nASSET_RID  sample_video_file.mp4\n');
    expect(result.stderr).toBe(
      'error: MISSING: Asset not found: no asset has the rid "MISSING".\n',
    );
  });

  it('exits 0 when every rid was found', async () => {
    const result = await get('TWO', 'ASSET_RID');

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('prints one JSON array of the rids in the order given with --json', async () => {
    const result = await get('TWO', 'ASSET_RID', '--json');

    const reports = JSON.parse(result.stdout) as { rid: string }[];
    expect(result.code).toBe(0);
    expect(reports.map((report) => report.rid)).toEqual(['TWO', 'ASSET_RID']);
  });

  it('puts a failed rid in the JSON array as an error entry, and reports it on stderr', async () => {
    const result = await get('TWO', 'MISSING', '--json');

    const reports = JSON.parse(result.stdout);
    expect(result.code).toBe(1);
    expect(reports[1]).toEqual({
      rid: 'MISSING',
      error: {
        code: 'asset_not_found',
        message: 'Asset not found: no asset has the rid "MISSING".',
      },
    });
    expect(result.stderr).toBe(
      'error: MISSING: Asset not found: no asset has the rid "MISSING".\n',
    );
  });

  it('prints a single rid with --json as one object, as before', async () => {
    const result = await get('TWO', '--json');

    expect(JSON.parse(result.stdout)).toMatchObject({ rid: 'TWO', versionsKnown: true });
  });

  it('exits 2 without a request when any rid is malformed', async () => {
    const before = server.requests.length;

    const result = await get('TWO', 'bad rid');

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Invalid rid (argument 2)');
    expect(server.requests).toHaveLength(before);
  });
});
