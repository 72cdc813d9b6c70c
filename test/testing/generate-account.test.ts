import { describe, expect, it } from 'vitest';

import { assetSchema, extractVersions } from '../../src/index.js';
import { generateAccount } from '../../src/testing/index.js';

describe('generateAccount', () => {
  it('gives the same account for the same seed, and another for another seed', () => {
    const first = generateAccount({ count: 50, seed: 4 });
    const again = generateAccount({ count: 50, seed: 4 });
    const other = generateAccount({ count: 50, seed: 5 });

    expect(again).toEqual(first);
    expect(other.totals).not.toEqual(first.totals);
  });

  it('makes assets with 1 to 12 versions, assets with none, and processing assets', () => {
    const { assets, totals } = generateAccount({ count: 2000, seed: 8 });
    const parsed = assets.map((asset) => extractVersions(assetSchema.parse(asset)));
    const counts = parsed.map((result) => result.versions.length);

    expect(Math.max(...counts)).toBe(12);
    expect(counts.filter((count) => count > 0).length).toBe(totals.assetsWithVersions);
    expect(counts.filter((count) => count === 0).length).toBeGreaterThan(500);
    expect(assets.filter((asset) => asset['syncstatus'] === 'pending').length).toBeGreaterThan(50);
  });

  it('sends some processing assets without attachment lists, counted in versionsUnknown', () => {
    const { assets, totals } = generateAccount({ count: 2000, seed: 8 });

    const withoutLists = assets.filter((asset) => !('attached' in asset));

    expect(withoutLists.length).toBe(totals.versionsUnknown);
    expect(totals.versionsUnknown).toBeGreaterThan(0);
    for (const asset of withoutLists) expect(asset['syncstatus']).toBe('pending');
  });

  it('prefixes every rid and keeps them distinct', () => {
    const { assets } = generateAccount({ count: 300, ridPrefix: 'ACME' });

    expect(new Set(assets.map((asset) => asset.rid)).size).toBe(300);
    expect(assets[0]?.rid).toBe('ACME000000');
  });
});
