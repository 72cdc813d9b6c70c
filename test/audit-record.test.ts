import { describe, expect, it } from 'vitest';

import { assetSchema, extractVersions, toAuditRecord } from '../src/index.js';
import { auditedAssetSchema } from '../src/models/audited-asset.js';
import { buildAsset, generateAccount, helpArticleAsset } from '../src/testing/index.js';

// The record as `extractVersions` would make it: the rules `toAuditRecord` must follow.
function recordByExtraction(wire: unknown) {
  const asset = assetSchema.parse(wire);
  const { versionsKnown, versions, original, renditions } = extractVersions(asset);
  const sizes = [
    ...versions.map((version) => version.filesize),
    ...renditions.map((rendition) => rendition.filesize),
    ...(original ? [original.filesize] : []),
  ];
  const sum = (values: (number | null)[]) => values.reduce<number>((a, b) => a + (b ?? 0), 0);
  return {
    rid: asset.rid,
    filename: asset.filename ?? null,
    type: asset.type ?? null,
    versionsKnown,
    versions: versions.map(({ label, number, filesize }) => ({ label, number, filesize })),
    versionBytes: sum(versions.map((version) => version.filesize)),
    original: original && { filesize: original.filesize },
    renditions: renditions.length,
    renditionBytes: sum(renditions.map((rendition) => rendition.filesize)),
    unknownSizes: sizes.filter((size) => size === null).length,
  };
}

describe('toAuditRecord', () => {
  it('reads every generated asset as extractVersions does, from the audit schema', () => {
    const { assets } = generateAccount({ count: 2000, seed: 99 });

    for (const wire of assets) {
      expect(toAuditRecord(auditedAssetSchema.parse(wire))).toEqual(recordByExtraction(wire));
    }
  });

  it('reads a fully parsed asset as it reads the same asset parsed for an audit', () => {
    const wires = [
      helpArticleAsset,
      buildAsset('SIZES', { versions: [100, null, ''], original: null, renditions: { hd: '4' } }),
      ...generateAccount({ count: 200, seed: 5 }).assets,
    ];

    for (const wire of wires) {
      expect(toAuditRecord(assetSchema.parse(wire))).toEqual(
        toAuditRecord(auditedAssetSchema.parse(wire)),
      );
    }
  });

  it('counts a different file under a label already taken as no version, as extractVersions does', () => {
    const wire = {
      rid: 'TWO_FILES',
      attached: [
        { rid: 'A1', type: 'ver-1', filesize: null },
        { rid: 'A2', type: 'ver-1', filesize: 50 },
        { id: 7, type: 'ver-2', filesize: 10 },
      ],
      attached_versions: [
        { rid: 'A1', type: 'ver-1', filesize: '30' },
        { id: '8', type: 'ver-2', filesize: 20 },
        { type: 'ver-01', filesize: 5 },
      ],
    };

    const record = toAuditRecord(auditedAssetSchema.parse(wire));

    expect(record).toEqual(recordByExtraction(wire));
    expect(record.versions).toEqual([
      { label: 'ver-1', number: 1, filesize: 30 },
      { label: 'ver-2', number: 2, filesize: 10 },
    ]);
  });

  it('takes a size from attached_versions when attached lists the same version without one', () => {
    const wire = {
      rid: 'MERGED',
      attached: [
        { type: 'ver-2', filesize: '' },
        { type: 'original', filesize: null },
      ],
      attached_versions: {
        '0': { type: 'ver-2', filesize: '70' },
        '1': { type: 'original', filesize: 9 },
      },
      versions: [],
    };

    expect(toAuditRecord(auditedAssetSchema.parse(wire))).toEqual(recordByExtraction(wire));
    expect(toAuditRecord(auditedAssetSchema.parse(wire))).toMatchObject({
      versions: [{ label: 'ver-2', number: 2, filesize: 70 }],
      original: { filesize: null },
      unknownSizes: 1,
    });
  });

  it('lists versions in numeric order whatever order the lists give them in', () => {
    const wire = {
      rid: 'UNORDERED',
      attached: [
        { type: 'ver-10', filesize: 10 },
        { type: 'ver-3', filesize: 3 },
        { type: 'ver-1', filesize: 1 },
      ],
      attached_versions: [
        { type: 'ver-2', filesize: 2 },
        { type: 'ver-12', filesize: 12 },
        { type: 'ver-3', filesize: 3 },
      ],
    };

    const record = toAuditRecord(auditedAssetSchema.parse(wire));

    expect(record).toEqual(recordByExtraction(wire));
    expect(record.versions.map((version) => version.number)).toEqual([1, 2, 3, 10, 12]);
    expect(record.versionBytes).toBe(28);
  });
});
