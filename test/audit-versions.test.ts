import { afterEach, describe, expect, it } from 'vitest';

import { CincopaClient, ListingError } from '../src/index.js';
import { startBackend } from './support/fake-backends.js';
import {
  type FakeCincopa,
  type FakeCincopaOptions,
  buildAsset,
  generateAccount,
  helpArticleAsset,
  startFakeCincopa,
} from '../src/testing/index.js';

let server: FakeCincopa | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(options: FakeCincopaOptions) {
  server = await startFakeCincopa(options);
  const client = new CincopaClient({
    apiToken: server.token,
    baseUrl: server.baseUrl,
    retry: { baseDelay: 1, maxDelay: 5 },
  });
  return { server, client };
}

function listRequests(fake: FakeCincopa) {
  return fake.requests.filter((request) => request.url.startsWith('/v2/asset.list.json'));
}

describe('auditVersions', () => {
  it("matches the generator's totals for 10,000 assets with one request per page", async () => {
    const account = generateAccount({ count: 10_000, seed: 2024 });
    const { server, client } = await serve({ assets: account.assets });
    const audit = client.auditVersions({ itemsPerPage: 500 }, { concurrency: 8 });
    let records = 0;

    for await (const _record of audit) records++;

    expect(audit.summary).toEqual(account.totals);
    expect(records).toBe(10_000);
    expect(listRequests(server)).toHaveLength(20);
    expect(audit.stats).toMatchObject({ pagesTotal: 20, pagesDone: 20, duplicatesSkipped: 0 });
  });

  it('asks for the attachment details, and only them, on every page', async () => {
    const { server, client } = await serve({ assets: generateAccount({ count: 120 }).assets });

    for await (const _record of client.auditVersions()) {
      // drain
    }

    const details = listRequests(server).map((request) => request.query.get('details'));
    expect(details).toHaveLength(3);
    for (const detail of details) expect(detail).toBe('attached,attached_versions');
  });

  it("reports the help article's asset as one record with one version", async () => {
    const { client } = await serve({ assets: [helpArticleAsset] });

    const records = [];
    for await (const record of client.auditVersions()) records.push(record);

    expect(records).toEqual([
      {
        rid: 'ASSET_RID',
        filename: 'sample_video_file.mp4',
        type: 'video',
        versionsKnown: true,
        versions: [{ label: 'ver-1', number: 1, filesize: 123456789 }],
        versionBytes: 123456789,
        original: { filesize: 123456789 },
        renditions: 3,
        renditionBytes: 12345 + 123456789 + 987654321,
        unknownSizes: 0,
      },
    ]);
  });

  it('matches the totals under seeded 429s, 5xx and resets, retrying each struck page', async () => {
    const account = generateAccount({ count: 3000, seed: 31 });
    const { server, client } = await serve({
      assets: account.assets,
      chaos: { seed: 5, rate: 0.3 },
    });
    const audit = client.auditVersions({ itemsPerPage: 100 }, { concurrency: 6 });

    for await (const _record of audit) {
      // drain
    }

    const struck = listRequests(server).filter((request) => request.fault !== null);
    expect(audit.summary).toEqual(account.totals);
    expect(struck.length).toBeGreaterThan(0);
    expect(listRequests(server)).toHaveLength(30 + struck.length);
  });

  it('counts assets without attachment details in versionsUnknown, not as unversioned', async () => {
    const { client } = await serve({
      assets: [
        buildAsset('SEEN', { versions: [5] }),
        buildAsset('UNSEEN', { withoutAttachments: true }),
      ],
    });
    const audit = client.auditVersions();

    const records = [];
    for await (const record of audit) records.push(record);

    expect(records.map((record) => [record.rid, record.versionsKnown])).toEqual([
      ['SEEN', true],
      ['UNSEEN', false],
    ]);
    expect(audit.summary).toMatchObject({ assets: 2, assetsWithVersions: 1, versionsUnknown: 1 });
  });

  it('counts unknown sizes apart, never as 0 bytes', async () => {
    const { client } = await serve({
      assets: [
        buildAsset('SIZES', {
          versions: [100, null, ''],
          original: null,
          renditions: { mp4_hd: '40', mp4_360: null },
        }),
      ],
    });
    const audit = client.auditVersions();

    for await (const _record of audit) {
      // drain
    }

    expect(audit.summary).toEqual({
      assets: 1,
      assetsWithVersions: 1,
      versions: 3,
      versionBytes: 100,
      originalBytes: 0,
      renditionBytes: 40,
      unknownSizes: 4,
      versionsUnknown: 0,
    });
  });

  it('fails, naming the page, instead of ending with a short summary', async () => {
    const account = generateAccount({ count: 300, seed: 2 });
    const { client } = await serve({
      assets: account.assets,
      faults: [{ page: 4, times: Infinity, fault: { kind: 'status', status: 503 } }],
    });
    const audit = client.auditVersions({ itemsPerPage: 50 }, { concurrency: 2 });
    let records = 0;

    const error = await (async () => {
      for await (const _record of audit) records++;
    })().catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(ListingError);
    expect(error).toMatchObject({ code: 'server_error', page: 4, pagesTotal: 6 });
    expect(records).toBe(150);
    expect(audit.summary.assets).toBe(150);
  });

  it('reports progress and starts the summary afresh on each iteration', async () => {
    const account = generateAccount({ count: 120, seed: 6 });
    const { client } = await serve({ assets: account.assets });
    const steps: number[] = [];
    const audit = client.auditVersions(
      { itemsPerPage: 50 },
      { onProgress: ({ pagesDone, pagesTotal }) => steps.push(pagesDone / pagesTotal) },
    );

    for await (const _record of audit) {
      // drain
    }
    for await (const _record of audit) {
      // drain again
    }

    expect(audit.summary).toEqual(account.totals);
    expect(steps).toEqual([1 / 3, 2 / 3, 1, 1 / 3, 2 / 3, 1]);
  });

  it('fails on a malformed size it reads, naming the page and the path', async () => {
    const account = generateAccount({ count: 150, seed: 3 });
    const { client } = await serve({
      assets: account.assets,
      faults: [
        {
          page: 2,
          fault: {
            kind: 'rewrite',
            rewrite: (body) => {
              const items = body['items'] as Record<string, unknown>[];
              items[7] = { ...items[7], versions: { mp4_hd: { filesize: '12kb' } } };
              return body;
            },
          },
        },
      ],
    });
    const audit = client.auditVersions({ itemsPerPage: 50 }, { concurrency: 1 });

    const error = await (async () => {
      for await (const _record of audit) {
        // drain
      }
    })().catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(ListingError);
    expect(error).toMatchObject({ code: 'validation_failed', page: 2 });
    expect((error as ListingError).cause).toMatchObject({
      issues: [{ path: ['items', 7, 'versions', 'mp4_hd', 'filesize'] }],
    });
  });

  it('matches the totals over msw too', async () => {
    const account = generateAccount({ count: 1000, seed: 12 });
    const backend = await startBackend('msw', { assets: account.assets });
    const audit = backend.client.auditVersions({ itemsPerPage: 250 });

    for await (const _record of audit) {
      // drain
    }

    expect(audit.summary).toEqual(account.totals);
    expect(backend.listedPages().sort()).toEqual([1, 2, 3, 4]);
  });
});
