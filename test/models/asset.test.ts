import { describe, expect, it } from 'vitest';

import { assetListResponseSchema, assetSchema } from '../../src/index.js';
import { fixtureJson } from '../support/cincopa-mocks.js';

function firstAsset(fixture: string) {
  return assetListResponseSchema.parse(fixtureJson(fixture)).items[0];
}

describe('assetSchema', () => {
  it("parses Cincopa's help-article sample and keeps every field", () => {
    const asset = firstAsset('help-article-asset.json');

    expect(asset?.rid).toBe('ASSET_RID');
    expect(asset?.filesize).toBe(123456789);
    expect(asset?.storage).toBe('STORAGE_SIZE');
    expect(asset?.['in_folders_list']).toEqual([
      { fid: 'FOLDER_ID', did: 'FOLDER_RID', name: 'Sample Folder Name' },
    ]);
    expect(asset?.['exif']).toMatchObject({ duration: 'HH:MM:SS' });
  });

  it('reads rendition sizes given as strings, and "" or null as unknown (sizes-as-strings)', () => {
    const renditions = firstAsset('sizes-as-strings.json')?.versions;

    expect(renditions?.['jpg_1200x900']?.filesize).toBe(12345);
    expect(renditions?.['mp4_hd']?.filesize).toBeNull();
    expect(renditions?.['mp4_360']?.filesize).toBeNull();
  });

  it('rejects a size like "12kb" with the path of the field', () => {
    const body = fixtureJson('sizes-as-strings.json') as { items: { versions: any }[] };
    body.items[0]!.versions.mp4_hd.filesize = '12kb';

    const result = assetListResponseSchema.safeParse(body);

    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ['items', 0, 'versions', 'mp4_hd', 'filesize'],
        message: 'Expected a size in bytes, received "12kb"',
      }),
    ]);
  });

  it('keeps nulls and unpacks tags and uploader (nulls-and-packed-strings)', () => {
    const asset = firstAsset('nulls-and-packed-strings.json');

    expect(asset?.description).toBeNull();
    expect(asset?.attributes).toBeNull();
    expect(asset?.long_description).toBe('');
    expect(asset?.tags).toEqual(['alpha', 'beta']);
    expect(asset?.uploaded_by).toEqual({ id: 'U123', name: 'Example User' });
  });

  it('splits the uploader at the first comma only', () => {
    const asset = assetSchema.parse({ rid: 'R', uploaded_by: 'U9,Doe, Jane' });

    expect(asset.uploaded_by).toEqual({ id: 'U9', name: 'Doe, Jane' });
  });

  it('reads an empty list as an empty map (empty-map-as-array)', () => {
    const asset = firstAsset('empty-map-as-array.json');

    expect(asset?.versions).toEqual({});
    expect(asset?.attributes).toEqual([]);
    expect(asset?.attached).toEqual([]);
  });

  it('rejects a non-empty list where the renditions map belongs', () => {
    const result = assetSchema.safeParse({ rid: 'R', versions: [{ name: 'hd' }] });

    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['versions']);
  });

  it('reads an attachment list sent as an object with numeric keys', () => {
    const asset = assetSchema.parse({
      rid: 'R',
      attached: { '3': { type: 'ver-2' }, '0': { type: 'ver-1' } },
    });

    expect(asset.attached?.map((attachment) => attachment.type)).toEqual(['ver-1', 'ver-2']);
  });

  it('reads a numeric id as a string', () => {
    expect(assetSchema.parse({ rid: 'R', id: 1001 }).id).toBe('1001');
  });

  it('requires a rid', () => {
    expect(assetSchema.safeParse({ id: '1' }).success).toBe(false);
    expect(assetSchema.safeParse({ rid: '' }).success).toBe(false);
  });
});

describe('assetListResponseSchema', () => {
  it('accepts numeric strings and `page_count` in items_data', () => {
    const body = {
      success: true,
      items: [],
      items_data: { page: '2', items_per_page: '50', items_count: '51', page_count: '2' },
    };

    expect(assetListResponseSchema.parse(body).items_data).toEqual({
      page: 2,
      itemsPerPage: 50,
      itemsCount: 51,
      pagesCount: 2,
    });
  });

  it('rejects items_data without a page count', () => {
    const body = {
      success: true,
      items: [],
      items_data: { page: 1, items_per_page: 50, items_count: 0 },
    };

    expect(assetListResponseSchema.safeParse(body).success).toBe(false);
  });

  it('rejects a body whose items are missing or null rather than reading them as none', () => {
    expect(assetListResponseSchema.safeParse({ success: true }).success).toBe(false);
    expect(assetListResponseSchema.safeParse({ success: true, items: null }).success).toBe(false);
  });
});
