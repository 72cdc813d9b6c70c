import type { AssetVersions } from '../asset-versions.js';
import { printable } from './printable.js';

/** A size for people: bytes with a binary unit, or "unknown size". */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'unknown size';
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]} (${bytes} bytes)`;
}

/** The text report of one asset's versions. */
export function formatAssetVersions(result: AssetVersions): string {
  const lines = [printable(`${result.rid}  ${result.asset.filename ?? '(no file name)'}`)];
  if (!result.versionsKnown) {
    lines.push('  versions: unknown (the response carried no attachment details)');
  } else {
    lines.push(`  versions: ${result.versions.length}`);
    for (const version of result.versions) {
      lines.push(
        `    ${version.label}  ${printable(version.filename ?? '(no file name)')}  ${formatBytes(version.filesize)}`,
      );
    }
  }
  const original = result.original;
  lines.push(
    original
      ? `  original: ${printable(original.filename ?? '(no file name)')}  ${formatBytes(original.filesize)}`
      : '  original: none attached',
  );
  const keys = printable(result.renditions.map((rendition) => rendition.key).join(', '));
  lines.push(`  renditions: ${result.renditions.length}${keys ? ` (${keys})` : ''}`);
  return `${lines.join('\n')}\n`;
}

/** The JSON report of one asset's versions: the SDK's result without the raw asset. */
export function toJsonReport(result: AssetVersions): Record<string, unknown> {
  return {
    rid: result.rid,
    filename: result.asset.filename ?? null,
    versionsKnown: result.versionsKnown,
    versions: result.versions.map(({ attachment: _attachment, ...version }) => version),
    original: result.original && { ...result.original, attachment: undefined },
    renditions: result.renditions,
    otherAttachments: result.otherAttachments.length,
  };
}
