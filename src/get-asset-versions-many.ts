import { z } from 'zod';

import type { AssetVersions } from './asset-versions.js';
import type { CallOptions } from './client.js';
import { CincopaError, InvalidRequestError, TransportError } from './errors.js';
import { AbortFanout } from './internal/abort-fanout.js';
import { signalSchema } from './internal/option-schemas.js';
import { runPool } from './internal/run-pool.js';
import { describeIssues, toIssues } from './internal/zod-issues.js';

/** The outcome of one rid of a batch: its versions, or the error that stopped it. */
export type AssetVersionsOutcome =
  | {
      /** The rid as given. */
      readonly rid: string;
      /** `true`: the lookup succeeded. */
      readonly ok: true;
      /** What {@link CincopaClient.getAssetVersions} returned for it. */
      readonly result: AssetVersions;
    }
  | {
      /** The rid as given. */
      readonly rid: string;
      /** `false`: the lookup failed. */
      readonly ok: false;
      /** Why it failed: `asset_not_found`, `invalid_request` for a malformed rid, … */
      readonly error: CincopaError;
    };

/** Options of a batch lookup. */
export interface GetAssetVersionsManyOptions extends CallOptions {
  /** Lookups made at the same time, from 1 to 16. @default 4 */
  readonly concurrency?: number | undefined;
}

/** Looks up one rid; {@link CincopaClient} is such a source. */
export interface AssetVersionsSource {
  /** Fetches one asset's versions; rejects with a {@link CincopaError} on failure. */
  getAssetVersions(rid: string, options?: CallOptions): Promise<AssetVersions>;
}

const optionsSchema = z.strictObject({
  signal: signalSchema.optional(),
  concurrency: z
    .number()
    .int('must be a whole number of requests')
    .min(1, 'must be 1 or more')
    .max(16, 'must be at most 16')
    .optional(),
});

const ridsSchema = z.array(z.string('must be a string'), 'must be an array of rids');

/**
 * Looks up the versions of several assets, one request per distinct rid, `concurrency` at a
 * time. Each rid gets its own outcome, in input order: one failure does not sink the rest.
 * A malformed rid fails alone with `invalid_request` and is never sent.
 *
 * @throws {InvalidRequestError} `invalid_request` when `rids` is not a list of strings or an
 *   option is malformed, before any request.
 * @throws {TransportError} `aborted` when `signal` aborts; lookups not yet made are not made.
 */
export async function getAssetVersionsMany(
  source: AssetVersionsSource,
  rids: readonly string[],
  options: GetAssetVersionsManyOptions = {},
): Promise<AssetVersionsOutcome[]> {
  const { concurrency = 4, signal } = checkInput(rids, options);
  const distinct = [...new Set(rids)];
  const outcomes = new Map<string, AssetVersionsOutcome>();
  const requests = new AbortFanout(signal);

  try {
    await runPool(
      distinct.length,
      concurrency,
      async (index) => {
        const rid = distinct[index] as string;
        outcomes.set(rid, await requests.run((child) => lookUp(source, rid, child)));
      },
      () => signal?.aborted === true,
    );
  } finally {
    requests.dispose();
  }

  if (signal?.aborted) {
    throw new TransportError('aborted', 'Aborted: the caller aborted the batch.', false, {});
  }
  return rids.map((rid) => outcomes.get(rid) as AssetVersionsOutcome);
}

async function lookUp(
  source: AssetVersionsSource,
  rid: string,
  signal: AbortSignal,
): Promise<AssetVersionsOutcome> {
  try {
    return { rid, ok: true, result: await source.getAssetVersions(rid, { signal }) };
  } catch (error) {
    if (!(error instanceof CincopaError)) throw error;
    return { rid, ok: false, error };
  }
}

function checkInput(rids: readonly string[], options: GetAssetVersionsManyOptions) {
  const checkedRids = ridsSchema.safeParse(rids);
  const checked = optionsSchema.safeParse(options);
  const issues = [
    ...(checkedRids.success ? [] : toIssues(checkedRids.error).map(under('rids'))),
    ...(checked.success ? [] : toIssues(checked.error)),
  ];
  if (issues.length > 0 || !checked.success) {
    throw new InvalidRequestError(`Invalid batch: ${describeIssues(issues)}`, issues);
  }
  return checked.data;
}

function under(name: string) {
  return (issue: { path: readonly (string | number)[]; message: string }) => ({
    ...issue,
    path: [name, ...issue.path],
  });
}
