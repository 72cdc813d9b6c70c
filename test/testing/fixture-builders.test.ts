import { describe, expect, it } from 'vitest';

import {
  assetListResponseSchema,
  assetSchema,
  extractVersions,
  toAuditRecord,
} from '../../src/index.js';
import { buildAsset, buildListBody } from '../../src/testing/index.js';

describe('buildAsset', () => {
  it('builds versions, an original and renditions that the models read back', () => {
    const wire = buildAsset('TRIM1', {
      versions: [1200, '800', null],
      original: 5000,
      renditions: { mp4_hd: '300', jpg_1200x900: '' },
    });

    const record = toAuditRecord(assetSchema.parse(wire));

    expect(record).toMatchObject({
      rid: 'TRIM1',
      versionsKnown: true,
      versions: [
        { label: 'ver-1', filesize: 1200 },
        { label: 'ver-2', filesize: 800 },
        { label: 'ver-3', filesize: null },
      ],
      versionBytes: 2000,
      original: { filesize: 5000 },
      renditions: 2,
      renditionBytes: 300,
      unknownSizes: 2,
    });
  });

  it('lists the versions in attached_versions too when asked, without doubling them', () => {
    const wire = buildAsset('BOTH', { versions: [1, 2], inAttachedVersions: true });

    const { versions } = extractVersions(assetSchema.parse(wire));

    expect(versions.map((version) => version.label)).toEqual(['ver-1', 'ver-2']);
  });

  it('leaves the attachment lists out when asked, so versions are unknown', () => {
    const wire = buildAsset('PENDING', { withoutAttachments: true });

    expect(extractVersions(assetSchema.parse(wire)).versionsKnown).toBe(false);
  });
});

describe('buildListBody', () => {
  it('builds a body the response model accepts, with pagination filled in', () => {
    const body = buildListBody([buildAsset('A'), buildAsset('B')], { itemsCount: 120 });

    const parsed = assetListResponseSchema.parse(body);

    expect(parsed.items_data).toEqual({
      page: 1,
      itemsPerPage: 50,
      itemsCount: 120,
      pagesCount: 3,
    });
  });
});
