import type { AuditRecord } from '../audit-record.js';
import type { AuditSummary } from '../audit-summary.js';
import type { ListingStats } from '../list-assets.js';
import { summaryText, tableHeader, tableRow } from './audit-table.js';
import { csvLine } from './csv.js';

/** The formats `audit` writes. */
export const AUDIT_FORMATS = ['table', 'json', 'ndjson', 'csv'] as const;

/** One of {@link AUDIT_FORMATS}. */
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/**
 * Turns an audit into text, a record at a time, so that nothing but the summary is held:
 * what comes before the first record, each record, and what comes after the last.
 */
export interface AuditWriter {
  begin(): string;
  record(record: AuditRecord): string;
  end(summary: AuditSummary, stats: ListingStats): string;
}

/** The writer of `format`. */
export function auditWriter(format: AuditFormat): AuditWriter {
  if (format === 'json') return jsonWriter();
  if (format === 'ndjson') return ndjsonWriter();
  if (format === 'csv') return csvWriter();
  return tableWriter();
}

function tableWriter(): AuditWriter {
  return {
    begin: tableHeader,
    record: tableRow,
    end: (summary, stats) => `\n${summaryText(summary, stats)}`,
  };
}

// One JSON document written as it goes: { "records": [...], "summary": {...}, "listing": {...} }.
function jsonWriter(): AuditWriter {
  let first = true;
  return {
    begin: () => '{\n  "records": [',
    record(record) {
      const separator = first ? '\n' : ',\n';
      first = false;
      return `${separator}    ${JSON.stringify(record)}`;
    },
    end: (summary, stats) =>
      `${first ? '' : '\n  '}],\n  "summary": ${JSON.stringify(summary)},\n  "listing": ${JSON.stringify(listingOf(stats))}\n}\n`,
  };
}

function ndjsonWriter(): AuditWriter {
  return {
    begin: () => '',
    record: (record) => `${JSON.stringify(record)}\n`,
    end: (summary, stats) => `${JSON.stringify({ summary, listing: listingOf(stats) })}\n`,
  };
}

const CSV_COLUMNS = [
  'rid',
  'filename',
  'type',
  'versions_known',
  'versions',
  'version_labels',
  'version_bytes',
  'has_original',
  'original_bytes',
  'renditions',
  'rendition_bytes',
  'unknown_sizes',
];

// Sizes count known bytes; an empty `original_bytes` beside `has_original` true means unknown.
function csvWriter(): AuditWriter {
  return {
    begin: () => csvLine(CSV_COLUMNS),
    record: (record) =>
      csvLine([
        record.rid,
        record.filename,
        record.type,
        record.versionsKnown,
        record.versions.length,
        record.versions.map((version) => version.label).join(' '),
        record.versionBytes,
        record.original !== null,
        record.original?.filesize ?? null,
        record.renditions,
        record.renditionBytes,
        record.unknownSizes,
      ]),
    end: () => '',
  };
}

function listingOf(stats: ListingStats) {
  return {
    pages: stats.pagesDone,
    duplicatesSkipped: stats.duplicatesSkipped,
    countsChanged: stats.countsChanged,
  };
}
