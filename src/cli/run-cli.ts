import { CincopaError } from '../errors.js';
import { CliContext } from './cli-context.js';
import { type CliIo, EXIT } from './cli-io.js';
import { runAudit } from './command-audit.js';
import { runDoctor } from './command-doctor.js';
import { runGet } from './command-get.js';
import { OutputError } from './output-error.js';
import { flagName, refuseTokenFlag } from './parse-command.js';
import { USAGE } from './usage.js';
import { UsageError } from './usage-error.js';

const COMMANDS = { get: runGet, audit: runAudit, doctor: runDoctor } as const;

/**
 * Runs the CLI with `args` (without `node` and the script) and returns its exit code.
 * Only the CLI prints; every text it prints passes through the token mask.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const context = new CliContext(io);
  try {
    const code = await dispatch(args, context);
    await context.stdout.close();
    return code;
  } catch (error) {
    return failed(error, context);
  }
}

function failed(error: unknown, context: CliContext): number {
  if (error instanceof UsageError) {
    context.fail(`${error.message}\n\n${error.usage.trimEnd()}`);
    return EXIT.usage;
  }
  // A reader that stops early (`cincopa-versions audit | head`) is not a failure.
  if (error instanceof OutputError && error.code === 'EPIPE') return EXIT.ok;
  if (error instanceof OutputError) {
    context.fail(error.message);
    return EXIT.failed;
  }
  if (!(error instanceof CincopaError)) throw error;
  context.fail(error.message);
  return error.code === 'invalid_request' ? EXIT.usage : EXIT.failed;
}

async function dispatch(args: readonly string[], context: CliContext): Promise<number> {
  const [name, ...rest] = args;
  if (name === '-h' || name === '--help') {
    await context.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (name === undefined) throw new UsageError('Missing command.', USAGE);
  if (name.startsWith('-')) throw flagBeforeCommand(name, rest[0], context);
  if (!Object.hasOwn(COMMANDS, name)) {
    throw new UsageError(`Unknown command: ${name}; expected get, audit or doctor.`, USAGE);
  }
  return COMMANDS[name as keyof typeof COMMANDS](rest, context);
}

// A flag where the command should be is named, never quoted whole: its value may be a secret.
function flagBeforeCommand(arg: string, next: string | undefined, context: CliContext) {
  const name = flagName(arg);
  if (name === '--token') {
    const inline = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : undefined;
    // `--token get …` gave no value: masking the command's name would garble the usage.
    const given = next !== undefined && !Object.hasOwn(COMMANDS, next) ? next : undefined;
    return refuseTokenFlag(inline ?? given, USAGE, context);
  }
  return new UsageError(
    `Unknown command: \`${name}\`; expected get, audit or doctor, then its options.`,
    USAGE,
  );
}
