import type { AssetListPage, AssetVersions } from '../../src/index.js';

const isSize = (value: unknown) =>
  value === null || (Number.isSafeInteger(value) && (value as number) >= 0);

const isCount = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0;

/** What is wrong with a result of `getAssetVersions`; empty when it honours its types. */
export function versionsViolations(result: AssetVersions, rid: string): string[] {
  const problems: string[] = [];
  if (result.rid !== rid || result.asset.rid !== rid) problems.push(`rid ${result.rid}`);
  if (typeof result.versionsKnown !== 'boolean') problems.push('versionsKnown');
  let previous = 0;
  for (const version of result.versions) {
    if (!/^ver-[1-9]\d*$/.test(version.label)) problems.push(`label ${version.label}`);
    if (version.number !== Number(version.label.slice(4))) problems.push('number');
    if (version.number <= previous) problems.push('versions out of order or repeated');
    if (!isSize(version.filesize)) problems.push(`version size ${version.filesize}`);
    previous = version.number;
  }
  if (!result.versionsKnown && result.versions.length > 0) problems.push('unknown but listed');
  if (result.original !== null && !isSize(result.original.filesize)) problems.push('original');
  for (const rendition of result.renditions) {
    if (typeof rendition.key !== 'string') problems.push('rendition key');
    if (!isSize(rendition.filesize)) problems.push(`rendition size ${rendition.filesize}`);
  }
  return problems;
}

/** What is wrong with a page of `listAssetsPage`; empty when it honours its types. */
export function pageViolations(page: AssetListPage): string[] {
  const problems: string[] = [];
  if (!Array.isArray(page.assets)) return ['assets is not a list'];
  for (const asset of page.assets) {
    if (typeof asset.rid !== 'string' || asset.rid === '') problems.push('rid');
    if (!isSize(asset.filesize)) problems.push(`asset size ${asset.filesize}`);
  }
  const pagination = page.pagination;
  if (pagination !== null) {
    const figures = [
      pagination.page,
      pagination.itemsPerPage,
      pagination.itemsCount,
      pagination.pagesCount,
    ];
    if (!figures.every(isCount)) problems.push(`pagination ${JSON.stringify(pagination)}`);
  }
  if (page.requestUrl.includes('api_token=') && !page.requestUrl.includes('api_token=***')) {
    problems.push('requestUrl is not masked');
  }
  return problems;
}
