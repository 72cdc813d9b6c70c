import type { CincopaClient } from '../client.js';
import { CincopaError } from '../errors.js';
import { TOKEN_MASK } from '../internal/token-mask.js';
import type { CliContext, Connection } from './cli-context.js';
import { EXIT } from './cli-io.js';
import { printable } from './printable.js';
import { booleanFlag, parseCommand, textFlag } from './parse-command.js';
import { DOCTOR_USAGE } from './usage.js';

type Print = (line: string) => Promise<void>;
type CheckLines = [label: string, text: string][];

/**
 * `doctor`: prints the configuration with the token masked, checks the token with
 * `ping.json`, shows what it may do, and lists one asset to prove that `get` and `audit`
 * will work. Exits 1 when a check fails.
 */
export async function runDoctor(args: readonly string[], context: CliContext): Promise<number> {
  const parsed = parseCommand(args, {}, DOCTOR_USAGE, context);
  if (booleanFlag(parsed, 'help')) {
    await context.stdout.write(DOCTOR_USAGE);
    return EXIT.ok;
  }
  const connection = await context.connect(
    { 'base-url': textFlag(parsed, 'base-url'), 'token-file': textFlag(parsed, 'token-file') },
    DOCTOR_USAGE,
  );
  // Checks quote what the server answered: escaped, as on stderr.
  const print: Print = (line) => context.stdout.write(`${printable(line)}\n`);
  await printConfiguration(connection, print);

  await print('Checks');
  const ready =
    (await check('ping.json', print, () => pingLines(connection.client))) &&
    (await check('asset.list.json', print, () => listLines(connection.client)));
  await print('');
  await print(
    ready
      ? 'Ready: `get` and `audit` will work with this token.'
      : 'Not ready: see the failed check above.',
  );
  return ready ? EXIT.ok : EXIT.failed;
}

async function printConfiguration(connection: Connection, print: Print): Promise<void> {
  await print('Configuration');
  await print(`  API root          ${connection.baseUrl.url} (${connection.baseUrl.from})`);
  await print(`  token             ${TOKEN_MASK} (set, from ${connection.token.from})`);
  await print(`  Node.js           ${process.version}`);
  await print('');
}

async function check(name: string, print: Print, run: () => Promise<CheckLines>): Promise<boolean> {
  try {
    for (const [label, text] of await run()) await print(`  ${label.padEnd(16)}  ${text}`);
    return true;
  } catch (error) {
    if (!(error instanceof CincopaError)) throw error;
    await print(`  ${name.padEnd(16)}  failed: ${error.message}`);
    return false;
  }
}

async function pingLines(client: CincopaClient): Promise<CheckLines> {
  const result = await client.ping();
  return [
    ['ping.json', `ok: the token is valid (account ${result.accid ?? 'not reported'})`],
    ['permissions', result.permissions?.join(', ') || 'not reported'],
  ];
}

async function listLines(client: CincopaClient): Promise<CheckLines> {
  const page = await client.listAssetsPage({ itemsPerPage: 1 });
  const count = page.pagination?.itemsCount;
  const seen = count === undefined ? 'assets can be listed' : `${count} assets visible`;
  return [['asset.list.json', `ok: ${seen}`]];
}
