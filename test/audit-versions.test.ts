import { afterEach, describe, expect, it } from 'vitest';

import { CincopaClient } from '../src/index.js';
import {
  type FakeCincopa,
  type FakeCincopaOptions,
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

  it('asks for the attachment details on every page', async () => {
    const { server, client } = await serve({ assets: generateAccount({ count: 120 }).assets });

    for await (const _record of client.auditVersions()) {
      // drain
    }

    const details = listRequests(server).map((request) => request.query.get('details'));
    expect(details).toHaveLength(3);
    for (const detail of details) expect(detail?.split(',')).toContain('attached_versions');
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
});
