import { CincopaError } from '../errors.js';
import { CliContext } from './cli-context.js';
import { type CliIo, EXIT } from './cli-io.js';
import { runAudit } from './command-audit.js';
import { runDoctor } from './command-doctor.js';
import { runGet } from './command-get.js';
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
    return await dispatch(args, context);
  } catch (error) {
    if (error instanceof UsageError) {
      context.warn(`error: ${error.message}\n\n${error.usage.trimEnd()}`);
      return EXIT.usage;
    }
    if (!(error instanceof CincopaError)) throw error;
    context.warn(`error: ${error.message}`);
    return error.code === 'invalid_request' ? EXIT.usage : EXIT.failed;
  }
}

async function dispatch(args: readonly string[], context: CliContext): Promise<number> {
  const [name, ...rest] = args;
  if (name === '-h' || name === '--help') {
    context.io.stdout.write(USAGE);
    return EXIT.ok;
  }
  if (name === undefined) throw new UsageError('Missing command.', USAGE);
  if (!Object.hasOwn(COMMANDS, name)) {
    throw new UsageError(`Unknown command: ${name}; expected get, audit or doctor.`, USAGE);
  }
  return COMMANDS[name as keyof typeof COMMANDS](rest, context);
}
