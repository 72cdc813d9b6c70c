import { buildAssetListQuery } from '../asset-list-request.js';
import { InvalidRequestError } from '../errors.js';
import type { AssetVersionsOutcome } from '../get-asset-versions-many.js';
import type { CliContext } from './cli-context.js';
import { EXIT } from './cli-io.js';
import { formatAssetVersions, toJsonReport } from './format-versions.js';
import { booleanFlag, parseCommand, textFlag } from './parse-command.js';
import { GET_USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

/**
 * `get <rid...>`: the versions of each asset, in the order given, through the batch call.
 * Failed rids are reported on stderr; the others still print. Exits 1 if any failed.
 */
export async function runGet(args: readonly string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(
    args,
    { json: { type: 'boolean', default: false } },
    GET_USAGE,
    context,
  );
  if (booleanFlag(parsed, 'help')) {
    await context.stdout.write(GET_USAGE);
    return EXIT.ok;
  }
  const rids = parsed.positionals;
  if (rids.length === 0) throw new UsageError('Missing rid: expected `get <rid...>`.', GET_USAGE);
  checkRids(rids);

  const { client } = await context.connect(
    { 'base-url': textFlag(parsed, 'base-url'), 'token-file': textFlag(parsed, 'token-file') },
    GET_USAGE,
  );
  const outcomes = await client.getAssetVersionsMany(rids);
  const json = booleanFlag(parsed, 'json');
  if (json && rids.length > 1) await printJsonArray(outcomes, context);
  else await printEach(outcomes, json, context);
  return outcomes.every((outcome) => outcome.ok) ? EXIT.ok : EXIT.failed;
}

// Text, or the JSON object of a single rid: a failed rid is only reported on stderr.
async function printEach(
  outcomes: readonly AssetVersionsOutcome[],
  json: boolean,
  context: CliContext,
): Promise<void> {
  let printed = 0;
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      context.warn(`error: ${outcome.rid}: ${outcome.error.message}`);
      continue;
    }
    const text = json
      ? `${JSON.stringify(toJsonReport(outcome.result), null, 2)}\n`
      : formatAssetVersions(outcome.result);
    await context.stdout.write(printed++ > 0 ? `\n${text}` : text);
  }
}

// Several rids with --json make one document, so that it parses whole: an array in the order
// given, a failed rid as `{ rid, error: { code, message } }`, also reported on stderr.
async function printJsonArray(
  outcomes: readonly AssetVersionsOutcome[],
  context: CliContext,
): Promise<void> {
  const reports = outcomes.map((outcome) => {
    if (outcome.ok) return toJsonReport(outcome.result);
    context.warn(`error: ${outcome.rid}: ${outcome.error.message}`);
    const { code, message } = outcome.error;
    return { rid: outcome.rid, error: { code, message } };
  });
  await context.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
}

// Every rid is checked before the first request, so that a typo sends nothing.
function checkRids(rids: readonly string[]): void {
  for (const [index, rid] of rids.entries()) {
    try {
      buildAssetListQuery({ rid });
    } catch (error) {
      if (!(error instanceof InvalidRequestError)) throw error;
      throw new UsageError(`Invalid rid (argument ${index + 1}): ${error.message}`, GET_USAGE);
    }
  }
}
