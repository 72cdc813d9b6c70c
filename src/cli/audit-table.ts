import type { AuditRecord } from '../audit-record.js';
import type { AuditSummary } from '../audit-summary.js';
import type { ListingStats } from '../list-assets.js';
import { printable } from './printable.js';

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

/** A size for a table cell: `"512 B"`, `"117.7 MiB"`. */
export function formatSize(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

const COLUMNS = [
  { title: 'RID', width: 12, right: false },
  { title: 'TYPE', width: 6, right: false },
  { title: 'VERSIONS', width: 8, right: true },
  { title: 'VERSION SIZE', width: 13, right: true },
  { title: 'ORIGINAL', width: 10, right: true },
  { title: 'RENDITIONS', width: 10, right: true },
  { title: 'FILE NAME', width: 0, right: false },
];

function row(cells: readonly string[]): string {
  const padded = cells.map((cell, index) => {
    const column = COLUMNS[index];
    if (!column || column.width === 0) return cell;
    return column.right ? cell.padStart(column.width) : cell.padEnd(column.width);
  });
  return `${padded.join('  ').trimEnd()}\n`;
}

/** The table's header line. */
export function tableHeader(): string {
  return row(COLUMNS.map((column) => column.title));
}

/** One asset's table line. Column widths are fixed, so that the table streams. */
export function tableRow(record: AuditRecord): string {
  return row([
    printable(record.rid),
    printable(record.type ?? '-'),
    record.versionsKnown ? String(record.versions.length) : 'unknown',
    versionSize(record),
    originalSize(record),
    String(record.renditions),
    printable(record.filename ?? '(no file name)'),
  ]);
}

function versionSize(record: AuditRecord): string {
  if (record.versions.length === 0) return '-';
  const unknown = record.versions.filter((version) => version.filesize === null).length;
  if (unknown === record.versions.length) return 'unknown';
  return `${formatSize(record.versionBytes)}${unknown > 0 ? '+?' : ''}`;
}

function originalSize(record: AuditRecord): string {
  if (!record.original) return 'none';
  return record.original.filesize === null ? 'unknown' : formatSize(record.original.filesize);
}

/** The totals, for people. */
export function summaryText(summary: AuditSummary, stats: ListingStats): string {
  const lines = [
    'Summary',
    `  assets          ${summary.assets} (${summary.assetsWithVersions} with versions)`,
    `  versions        ${summary.versions}, ${formatSize(summary.versionBytes)} known`,
    `  originals       ${formatSize(summary.originalBytes)} known`,
    `  renditions      ${formatSize(summary.renditionBytes)} known`,
    `  unknown sizes   ${summary.unknownSizes} (not counted in the sizes above)`,
  ];
  if (summary.versionsUnknown > 0) {
    lines.push(
      `  no details      ${summary.versionsUnknown} assets came without attachment details: their versions are unknown`,
    );
  }
  lines.push(`  requests        ${stats.pagesDone} pages`);
  if (stats.duplicatesSkipped > 0) {
    lines.push(`  duplicates      ${stats.duplicatesSkipped} repeated assets left out`);
  }
  return `${lines.join('\n')}\n`;
}
