import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import {
  type FakeCincopa,
  type FakeCincopaOptions,
  buildAsset,
  generateAccount,
  helpArticleAsset,
  startFakeCincopa,
} from '../../src/testing/index.js';
import { parseCsv, run } from './run.js';

const TOKEN = 'cli-audit-SECRET-token';
const account = generateAccount({ count: 180, seed: 21 });
const oddName = buildAsset('ODD', { filename: 'trim, "final"\ncut.mp4', versions: [10] });
const assets = [helpArticleAsset, oddName, ...account.assets];

let server: FakeCincopa | undefined;
let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'cincopa-audit-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(options: FakeCincopaOptions = {}) {
  server = await startFakeCincopa({ assets, token: TOKEN, ...options });
  return server;
}

async function audit(args: readonly string[], options: { tty?: boolean; env?: object } = {}) {
  const fake = server ?? (await serve());
  const env = { CINCOPA_API_TOKEN: TOKEN, ...options.env };
  return run(['audit', '--base-url', fake.baseUrl, ...args], env, options.tty);
}

function listed(fake: FakeCincopa) {
  return fake.requests.filter((request) => request.url.includes('asset.list.json'));
}

describe('cincopa-versions audit', () => {
  it('prints a table with one row per asset, then the summary, and exits 0', async () => {
    const result = await audit([]);

    const lines = result.stdout.split('\n');
    expect(result.code).toBe(0);
    expect(lines[0]).toMatch(
      /^RID +TYPE +VERSIONS +VERSION SIZE +ORIGINAL +RENDITIONS +FILE NAME$/,
    );
    expect(lines[1]).toBe(
      'ASSET_RID     video          1      117.7 MiB   117.7 MiB           3  sample_video_file.mp4',
    );
    expect(lines.filter((line) => /^(ASSET_RID|ODD|GEN)/.test(line))).toHaveLength(182);
    expect(result.stdout).toContain('\nSummary\n  assets          182 (');
    expect(result.stderr).toBe('');
  });

  it('shows control characters of a file name escaped in the table', async () => {
    const result = await audit([]);

    expect(result.stdout).toContain('trim, "final"\\ncut.mp4');
  });

  it('writes JSON whose summary equals the totals of the account', async () => {
    await serve({ assets: account.assets });

    const result = await audit(['--format', 'json', '--items-per-page', '40']);

    const document = JSON.parse(result.stdout);
    expect(document.records).toHaveLength(180);
    expect(document.summary).toEqual(account.totals);
    expect(document.listing).toEqual({ pages: 5, duplicatesSkipped: 0, countsChanged: false });
  });

  it('writes NDJSON: one record per line, then the summary', async () => {
    await serve({ assets: account.assets });

    const result = await audit(['--format', 'ndjson']);

    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(181);
    expect(lines[0]).toMatchObject({ rid: 'GEN000000', versionsKnown: true });
    expect(lines.at(-1).summary).toEqual(account.totals);
  });

  it('writes CSV quoted correctly, and the summary on stderr', async () => {
    const result = await audit(['--format', 'csv']);

    const rows = parseCsv(result.stdout);
    expect(rows[0]).toEqual([
      'rid',
      'filename',
      'type',
      'versions_known',
      'versions',
      'version_labels',
      'version_bytes',
      'has_original',
      'original_bytes',
      'renditions',
      'rendition_bytes',
      'unknown_sizes',
    ]);
    expect(rows).toHaveLength(183);
    expect(rows[2]?.slice(0, 7)).toEqual([
      'ODD',
      'trim, "final"\ncut.mp4',
      'video',
      'true',
      '1',
      'ver-1',
      '10',
    ]);
    expect(rows[1]?.slice(7, 9)).toEqual(['true', '123456789']);
    expect(result.stdout).toContain('"trim, ""final""\ncut.mp4"');
    expect(result.stderr).toContain('Summary\n  assets          182');
  });

  it('prints only assets with versions with --only-versioned, and totals all of them', async () => {
    await serve({ assets: account.assets });

    const result = await audit(['--only-versioned', '--format', 'ndjson']);

    const lines = result.stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(account.totals.assetsWithVersions + 1);
    expect(lines.slice(0, -1).every((record) => record.versions.length > 0)).toBe(true);
    expect(lines.at(-1).summary.assets).toBe(180);
  });

  it('passes the filters on to every request', async () => {
    const fake = await serve();

    await audit(['--type', 'image', '--search', 'gen', '--tag', 'generated']);

    for (const request of listed(fake)) {
      expect(request.query.get('type')).toBe('image');
      expect(request.query.get('search')).toBe('gen');
      expect(request.query.get('tag')).toBe('generated');
    }
  });

  it('writes to --output and leaves stdout empty', async () => {
    const path = join(folder, 'audit.csv');

    const result = await audit(['--format', 'csv', '--output', path]);

    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(parseCsv(await readFile(path, 'utf8'))).toHaveLength(183);
  });

  it('exits 2 without a request when --output cannot be written', async () => {
    const fake = await serve();

    const result = await audit(['--output', join(folder, 'missing', 'audit.csv')]);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unwritable output file');
    expect(listed(fake)).toHaveLength(0);
  });

  it('draws a progress bar on stderr when stderr is a terminal', async () => {
    const result = await audit(['--format', 'json'], { tty: true });

    expect(result.stderr).toContain('\r[########################] 4/4 pages, 182 assets');
    expect(result.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(() => JSON.parse(result.stdout)).not.toThrow();
  });

  it('draws no progress bar when stderr is not a terminal', async () => {
    const result = await audit(['--format', 'json']);

    expect(result.stderr).toBe('');
  });

  it('exits 1, naming the page, and prints no summary when a page fails', async () => {
    await serve({ faults: [{ page: 2, times: Infinity, fault: { kind: 'status', status: 503 } }] });

    const result = await audit([]);

    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: Listing failed on page 2 of 4: Server error: HTTP 503/);
    expect(result.stdout).not.toContain('Summary');
    expect(result.stdout + result.stderr).not.toContain(TOKEN);
  }, 15_000);

  it('warns on stderr when the account changed during the audit', async () => {
    await serve({
      onRequest(request, fake) {
        if (request.query.get('page') === '2') fake.setAssets(assets.slice(10));
      },
    });

    const result = await audit(['--concurrency', '1']);

    expect(result.code).toBe(0);
    expect(result.stderr).toContain('warning: the account changed during the audit');
  });

  it.each([
    [['--format', 'xml'], 'Invalid `--format`: xml'],
    [['--concurrency', '0'], 'Invalid `--concurrency`: 0; expected a whole number from 1 to 16.'],
    [['--concurrency', '17'], 'Invalid `--concurrency`: 17; expected a whole number from 1 to 16'],
    [['--concurrency', 'many'], 'Invalid `--concurrency`: many'],
    [['--concurrency', '0x4'], 'Invalid `--concurrency`: 0x4'],
    [['--concurrency', ' 4'], 'Invalid `--concurrency`:  4'],
    [['--concurrency', '2.0'], 'Invalid `--concurrency`: 2.0'],
    [['--concurrency', ''], 'Invalid `--concurrency`: ;'],
    [
      ['--items-per-page', '1e2'],
      'Invalid `--items-per-page`: 1e2; expected a whole number from 1 to 500.',
    ],
    [['--items-per-page', '501'], 'Invalid `--items-per-page`: 501'],
    [['--items-per-page=-5'], 'Invalid `--items-per-page`: -5'],
    [['--items-per-page', '99999999999999999999'], 'Invalid `--items-per-page`'],
    [['--bogus'], 'Unknown option: `--bogus`'],
    [['extra'], 'Unexpected argument: extra'],
  ])('exits 2 without a request for %j', async (args, message) => {
    const fake = await serve();

    const result = await audit(args);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
    expect(listed(fake)).toHaveLength(0);
  });
});
