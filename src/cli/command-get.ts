import { buildAssetListQuery } from '../asset-list-request.js';
import { InvalidRequestError } from '../errors.js';
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
  const output = context.stdout;
  const json = booleanFlag(parsed, 'json');
  let printed = 0;
  for (const outcome of outcomes) {
    if (!outcome.ok) {
      context.warn(`error: ${outcome.rid}: ${outcome.error.message}`);
      continue;
    }
    const text = json
      ? `${JSON.stringify(toJsonReport(outcome.result), null, 2)}\n`
      : formatAssetVersions(outcome.result);
    await output.write(printed++ > 0 && !json ? `\n${text}` : text);
  }
  return outcomes.every((outcome) => outcome.ok) ? EXIT.ok : EXIT.failed;
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
