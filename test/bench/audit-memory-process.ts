// Child process: audits the account a fake server process serves and reports its own peak
// resident set size, so that each account size is measured in a fresh process.
import { rawAudit } from './support/raw-audit.js';
import { runAudit } from './support/run-audit.js';
import { startServerProcess } from './support/server-process.js';

/** What the parent asks this process to audit. */
export interface AuditMemoryTask {
  /** The SDK's audit, or one written by hand with `fetch` and `JSON.parse`. */
  readonly by: 'sdk' | 'hand';
  readonly count: number;
  readonly itemsPerPage: number;
  readonly concurrency: number;
}

/** What this process reports to its parent. */
export interface AuditMemoryResult {
  readonly records: number;
  /** Peak resident set size of this process, in bytes. */
  readonly maxRssBytes: number;
}

const task = JSON.parse(process.argv[2] ?? '{}') as AuditMemoryTask;
// The server (and the account it generates) lives in its own process: only the audit's
// memory is counted here.
const server = await startServerProcess({ count: task.count, seed: 17 });
try {
  const records =
    task.by === 'sdk'
      ? await runAudit(server, task)
      : await (
          await rawAudit(server, task.itemsPerPage, task.concurrency)
        )();
  const result: AuditMemoryResult = {
    records,
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  process.send?.(result);
} finally {
  await server.close();
}
