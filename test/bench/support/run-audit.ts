import { CincopaClient } from '../../../src/index.js';
import type { ServerProcess } from './server-process.js';

/** How an audit is run: its page size and how many pages it fetches at the same time. */
export interface AuditRun {
  readonly itemsPerPage: number;
  readonly concurrency: number;
}

/** Audits the whole account `server` serves, draining the records; returns how many. */
export async function runAudit(server: ServerProcess, run: AuditRun): Promise<number> {
  const client = new CincopaClient({ apiToken: server.token, baseUrl: server.baseUrl });
  const audit = client.auditVersions(
    { itemsPerPage: run.itemsPerPage },
    { concurrency: run.concurrency },
  );
  let records = 0;
  for await (const record of audit) if (record.rid) records++;
  return records;
}
