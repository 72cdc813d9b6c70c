import { describe, expect, it } from 'vitest';

import {
  assetListResponseSchema,
  assetSchema,
  extractVersions,
  parseVersionLabel,
  toAuditRecord,
} from '../src/index.js';
import { fixtureJson } from './support/cincopa-mocks.js';

function assetOf(fixture: string) {
  const asset = assetListResponseSchema.parse(fixtureJson(fixture)).items[0];
  if (!asset) throw new Error(`${fixture} has no asset`);
  return asset;
}

describe('extractVersions', () => {
  it("finds exactly one version, ver-1 of 123456789 bytes, in Cincopa's help-article sample", () => {
    const result = extractVersions(assetOf('help-article-asset.json'));

    expect(result.versionsKnown).toBe(true);
    expect(result.versions).toHaveLength(1);
    expect(result.versions[0]).toMatchObject({
      label: 'ver-1',
      number: 1,
      id: 'ATTACHED_ID',
      rid: 'ATTACHED_RID',
      filename: 'sample_trimmed_video.mp4',
      url: 'SAMPLE_VIDEO_URL',
      filesize: 123456789,
      source: 'attached',
    });
    expect(result.original).toMatchObject({
      filename: 'sample_original_video.mp4',
      filesize: 123456789,
    });
    expect(result.renditions.map((rendition) => rendition.key)).toEqual([
      'jpg_1200x900',
      'original',
      'mp4_hd',
    ]);
    expect(result.renditions[0]).toEqual({
      key: 'jpg_1200x900',
      name: '1200x900',
      mime: 'image/jpeg',
      url: 'SAMPLE_IMAGE_URL',
      filesize: 12345,
    });
    expect(result.otherAttachments).toEqual([]);
  });

  it('orders versions numerically and ignores malformed labels (version-labels-mixed)', () => {
    const result = extractVersions(assetOf('version-labels-mixed.json'));

    expect(result.versions.map((version) => version.label)).toEqual(['ver-1', 'ver-2', 'ver-10']);
    expect(result.versions.map((version) => version.number)).toEqual([1, 2, 10]);
    expect(result.versions.map((version) => version.filesize)).toEqual([9001, 9002, 9010]);
    expect(result.original?.filesize).toBe(9999);
    expect(result.otherAttachments.map((attachment) => attachment.type)).toEqual([
      'subtitle-en-us',
      'ver-1.5',
      'ver--3',
      'VER-4',
      'ver-',
    ]);
  });

  it('reports no versions, and knows it, when the attachment lists are empty (empty-map-as-array)', () => {
    const result = extractVersions(assetOf('empty-map-as-array.json'));

    expect(result.versionsKnown).toBe(true);
    expect(result.versions).toEqual([]);
    expect(result.renditions).toEqual([]);
  });

  it('does not claim "no versions" when the asset came without attachment details', () => {
    const result = extractVersions(assetSchema.parse({ rid: 'R', versions: {} }));

    expect(result.versionsKnown).toBe(false);
    expect(result.versions).toEqual([]);
  });

  it('treats null attachment lists as absent, not as empty', () => {
    const result = extractVersions(assetSchema.parse({ rid: 'R', attached: null }));

    expect(result.versionsKnown).toBe(false);
  });

  it('reads versions from attached_versions too, once per label', () => {
    const asset = assetSchema.parse({
      rid: 'R',
      attached: [{ type: 'ver-1', filesize: null }],
      attached_versions: [
        { type: 'ver-1', filesize: 500 },
        { type: 'ver-3', filesize: '300' },
      ],
    });

    const result = extractVersions(asset);

    expect(
      result.versions.map(({ label, filesize, source }) => ({ label, filesize, source })),
    ).toEqual([
      { label: 'ver-1', filesize: 500, source: 'attached' },
      { label: 'ver-3', filesize: 300, source: 'attached_versions' },
    ]);
  });

  it('keeps a different attachment under a label already taken among the other attachments', () => {
    const asset = assetSchema.parse({
      rid: 'R',
      attached: [
        { type: 'ver-2', rid: 'A', filesize: 100 },
        { type: 'ver-2', rid: 'B', filesize: 200 },
      ],
      attached_versions: [
        { type: 'ver-2', rid: 'A', filesize: 999 },
        { type: 'ver-2', id: '7', filesize: 300 },
        { type: 'ver-01', rid: 'C', filesize: 1 },
      ],
    });

    const result = extractVersions(asset);

    expect(result.versions.map(({ label, rid, filesize }) => ({ label, rid, filesize }))).toEqual([
      { label: 'ver-2', rid: 'A', filesize: 100 },
    ]);
    expect(result.otherAttachments.map(({ rid, filesize }) => ({ rid, filesize }))).toEqual([
      { rid: 'B', filesize: 200 },
      { rid: 'C', filesize: 1 },
    ]);
  });

  it('tells a later file apart by the ids an earlier entry of the same version filled in', () => {
    const asset = assetSchema.parse({
      rid: 'R',
      attached: [{ type: 'ver-5', rid: null, filesize: null }],
      attached_versions: [
        { type: 'ver-5', rid: 'X', filesize: 50 },
        { type: 'ver-5', rid: 'Y', filesize: 60 },
        { type: 'ver-1', rid: 'a', filesize: null },
        { type: 'ver-1', id: 7, filesize: 4 },
        { type: 'ver-1', rid: 'a', id: 8, filesize: 5 },
      ],
    });

    const result = extractVersions(asset);
    const record = toAuditRecord(asset);

    expect(
      result.versions.map(({ label, rid, id, filesize }) => ({ label, rid, id, filesize })),
    ).toEqual([
      { label: 'ver-1', rid: 'a', id: '7', filesize: 4 },
      { label: 'ver-5', rid: 'X', id: null, filesize: 50 },
    ]);
    expect(result.otherAttachments.map(({ rid, id }) => ({ rid, id }))).toEqual([
      { rid: 'Y', id: undefined },
      { rid: 'a', id: '8' },
    ]);
    expect(record.versions.map(({ label, filesize }) => ({ label, filesize }))).toEqual([
      { label: 'ver-1', filesize: 4 },
      { label: 'ver-5', filesize: 50 },
    ]);
  });

  it('knows versions from attached_versions alone', () => {
    const result = extractVersions(
      assetSchema.parse({ rid: 'R', attached_versions: [{ type: 'ver-2' }] }),
    );

    expect(result.versionsKnown).toBe(true);
    expect(result.versions[0]?.number).toBe(2);
  });

  it("uses the attachment's versions.original size when its own filesize is null", () => {
    const asset = assetSchema.parse({
      rid: 'R',
      attached: [{ type: 'ver-1', filesize: null, versions: { original: { filesize: '77' } } }],
    });

    expect(extractVersions(asset).versions[0]?.filesize).toBe(77);
  });

  it('reports an unknown version size as null, never 0', () => {
    const asset = assetSchema.parse({ rid: 'R', attached: [{ type: 'ver-1', filesize: '' }] });

    expect(extractVersions(asset).versions[0]?.filesize).toBeNull();
  });

  it('never counts a rendition, even one keyed like a version, as a version', () => {
    const asset = assetSchema.parse({
      rid: 'R',
      attached: [],
      versions: { 'ver-1': { filesize: 1 } },
    });

    const result = extractVersions(asset);

    expect(result.versions).toEqual([]);
    expect(result.renditions.map((rendition) => rendition.key)).toEqual(['ver-1']);
  });

  it('does not change the asset', () => {
    const asset = assetOf('version-labels-mixed.json');
    const before = structuredClone(asset);

    extractVersions(asset);

    expect(asset).toEqual(before);
  });
});

describe('parseVersionLabel', () => {
  it.each([
    ['ver-1', 1],
    ['ver-10', 10],
  ])('reads %s as %d', (label, number) => {
    expect(parseVersionLabel(label)).toBe(number);
  });

  it.each([
    'original',
    'ver-',
    'ver-0',
    'ver-01',
    'ver-007',
    'ver-1.5',
    'ver--3',
    'VER-4',
    ' ver-1',
    'ver-1 ',
    'ver-99999999999999999999',
    '',
    null,
    undefined,
  ])('does not read %j as a version', (label) => {
    expect(parseVersionLabel(label)).toBeNull();
  });
});
