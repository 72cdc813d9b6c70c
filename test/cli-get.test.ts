import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../src/cli/run-cli.js';
import { type FakeCincopa, helpArticleAsset, startFakeCincopa } from '../src/testing/index.js';
import { captureCli } from './support/cli-capture.js';

describe('cincopa-versions get', () => {
  let server: FakeCincopa;

  beforeAll(async () => {
    server = await startFakeCincopa({ assets: [helpArticleAsset], token: 'cli-SECRET-token' });
  });

  afterAll(async () => {
    await server.close();
  });

  it('prints the versions of an asset and exits 0', async () => {
    const run = captureCli({ CINCOPA_API_TOKEN: server.token });

    const code = await runCli(['get', 'ASSET_RID', '--base-url', server.baseUrl], run.io);

    expect(code).toBe(0);
    expect(run.stdout()).toContain('versions: 1');
    expect(run.stdout()).toContain('ver-1  sample_trimmed_video.mp4  117.7 MiB (123456789 bytes)');
    expect(run.stderr()).toBe('');
  });

  it('prints JSON with --json', async () => {
    const run = captureCli({ CINCOPA_API_TOKEN: server.token });

    const code = await runCli(['get', 'ASSET_RID', '--json', '--base-url', server.baseUrl], run.io);

    expect(code).toBe(0);
    const report = JSON.parse(run.stdout());
    expect(report.versions).toEqual([
      expect.objectContaining({ label: 'ver-1', filesize: 123456789 }),
    ]);
  });

  it('exits 1 on an API failure, without printing the token', async () => {
    const run = captureCli({ CINCOPA_API_TOKEN: server.token });

    const code = await runCli(['get', 'UNKNOWN', '--base-url', server.baseUrl], run.io);

    expect(code).toBe(1);
    expect(run.stderr()).toContain('Asset not found');
    expect(run.stdout() + run.stderr()).not.toContain(server.token);
  });

  it('exits 2 on bad usage', async () => {
    const run = captureCli({ CINCOPA_API_TOKEN: server.token });

    expect(await runCli(['frobnicate'], run.io)).toBe(2);
    expect(await runCli(['get'], run.io)).toBe(2);
    expect(await runCli(['get', 'R', '--bogus'], run.io)).toBe(2);
  });

  it('exits 2 when no token is configured', async () => {
    const run = captureCli({});

    const code = await runCli(['get', 'ASSET_RID', '--base-url', server.baseUrl], run.io);

    expect(code).toBe(2);
    expect(run.stderr()).toContain('CINCOPA_API_TOKEN');
  });
});
