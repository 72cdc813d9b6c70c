import { MAX_ITEMS_PER_PAGE } from '../asset-list-request.js';
import type { VersionAudit } from '../audit-versions.js';
import { MAX_LISTING_CONCURRENCY } from '../list-assets.js';
import type { CliContext } from './cli-context.js';
import { EXIT } from './cli-io.js';
import { AUDIT_FORMATS, type AuditFormat, auditWriter } from './audit-formats.js';
import { summaryText } from './audit-table.js';
import { fileOutput } from './file-output.js';
import type { Output } from './output.js';
import { type ParsedCommand, booleanFlag, parseCommand, textFlag } from './parse-command.js';
import { ProgressBar } from './progress-bar.js';
import { AUDIT_USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

const AUDIT_OPTIONS = {
  type: { type: 'string' },
  search: { type: 'string' },
  tag: { type: 'string' },
  'only-versioned': { type: 'boolean', default: false },
  format: { type: 'string', default: 'table' },
  output: { type: 'string' },
  concurrency: { type: 'string' },
  'items-per-page': { type: 'string' },
} as const;

/**
 * `audit`: every asset's versions as a table, JSON, NDJSON or CSV, then the totals. The data
 * streams to stdout or `--output`; the progress bar goes to stderr on a terminal only.
 */
export async function runAudit(args: readonly string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(args, AUDIT_OPTIONS, AUDIT_USAGE, context);
  if (booleanFlag(parsed, 'help')) {
    await context.stdout.write(AUDIT_USAGE);
    return EXIT.ok;
  }
  if (parsed.positionals.length > 0) {
    throw new UsageError(`Unexpected argument: ${parsed.positionals[0]}.`, AUDIT_USAGE);
  }
  const format = formatOf(parsed);
  const progress = context.io.stderr.isTTY ? new ProgressBar(context.io.stderr) : undefined;
  const audit = await startAudit(parsed, context, progress);
  const output = await openOutput(textFlag(parsed, 'output'), context);

  try {
    await writeAudit(audit, format, booleanFlag(parsed, 'only-versioned'), output);
    progress?.clear();
    await output.close();
  } catch (error) {
    progress?.clear();
    context.warnAfterError(`the audit did not complete: ${await output.abandon()}`);
    throw error;
  }
  if (format === 'csv') context.warn(summaryText(audit.summary, audit.stats).trimEnd());
  warnIfChanged(audit, context);
  return EXIT.ok;
}

async function startAudit(
  parsed: ParsedCommand,
  context: CliContext,
  progress: ProgressBar | undefined,
): Promise<VersionAudit> {
  const { client } = await context.connect(
    { 'base-url': textFlag(parsed, 'base-url'), 'token-file': textFlag(parsed, 'token-file') },
    AUDIT_USAGE,
  );
  const query = {
    type: textFlag(parsed, 'type'),
    search: textFlag(parsed, 'search'),
    tag: textFlag(parsed, 'tag'),
    itemsPerPage: numberFlag(parsed, 'items-per-page', MAX_ITEMS_PER_PAGE),
  };
  const onProgress =
    progress && ((step: Parameters<ProgressBar['update']>[0]) => progress.update(step));
  return client.auditVersions(query, {
    concurrency: numberFlag(parsed, 'concurrency', MAX_LISTING_CONCURRENCY),
    onProgress,
  });
}

async function writeAudit(
  audit: VersionAudit,
  format: AuditFormat,
  onlyVersioned: boolean,
  output: Output,
): Promise<void> {
  const writer = auditWriter(format);
  await output.write(writer.begin());
  for await (const record of audit) {
    if (onlyVersioned && record.versions.length === 0) continue;
    await output.write(writer.record(record));
  }
  await output.write(writer.end(audit.summary, audit.stats));
}

function formatOf(parsed: ParsedCommand): AuditFormat {
  const format = textFlag(parsed, 'format') ?? 'table';
  if ((AUDIT_FORMATS as readonly string[]).includes(format)) return format as AuditFormat;
  throw new UsageError(
    `Invalid \`--format\`: ${format}; expected one of ${AUDIT_FORMATS.join(', ')}.`,
    AUDIT_USAGE,
  );
}

// Only plain decimal digits: `Number()` would also take `1e2`, `0x4`, `0b11` and ` 4 `.
function numberFlag(parsed: ParsedCommand, name: string, max: number): number | undefined {
  const text = textFlag(parsed, name);
  if (text === undefined) return undefined;
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (value >= 1 && value <= max) return value;
  throw new UsageError(
    `Invalid \`--${name}\`: ${text}; expected a whole number from 1 to ${max}.`,
    AUDIT_USAGE,
  );
}

async function openOutput(path: string | undefined, context: CliContext): Promise<Output> {
  if (path === undefined) return context.stdout;
  try {
    return await fileOutput(path, context.mask);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new UsageError(`Unwritable output file: ${path} (${code}).`, AUDIT_USAGE);
  }
}

function warnIfChanged(audit: VersionAudit, context: CliContext): void {
  if (!audit.stats.countsChanged) return;
  context.warn(
    'warning: the account changed during the audit (the page counts moved): assets added or removed meanwhile may be missing; run it again for an exact count.',
  );
}
