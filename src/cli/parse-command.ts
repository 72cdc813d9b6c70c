import { type ParseArgsConfig, parseArgs } from 'node:util';

import { TOKEN_ENV_VAR } from '../client-options.js';
import type { CliContext } from './cli-context.js';
import { UsageError } from './usage-error.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** The flags every command accepts. */
export const CONNECTION_OPTIONS = {
  'base-url': { type: 'string' },
  'token-file': { type: 'string' },
  // Accepted only to be refused with a hint, and its value masked in every message.
  token: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies Options;

/** A command line, parsed. */
export interface ParsedCommand {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** A string flag's value, if given. */
export function textFlag(parsed: ParsedCommand, name: string): string | undefined {
  const value = parsed.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A boolean flag's value. */
export function booleanFlag(parsed: ParsedCommand, name: string): boolean {
  return parsed.values[name] === true;
}

/**
 * Parses a command's arguments (strictly: an unknown flag is an error).
 *
 * @throws {UsageError} for an unknown or malformed flag, and for `--token`.
 */
export function parseCommand(
  args: readonly string[],
  options: Options,
  usage: string,
  context: CliContext,
): ParsedCommand {
  let parsed: ParsedCommand;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...CONNECTION_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UsageError(parseFailure(error as NodeJS.ErrnoException, args, options), usage);
  }
  const token = textFlag(parsed, 'token');
  if (typeof token === 'string') throw refuseTokenFlag(token, usage, context);
  return parsed;
}

/**
 * The refusal of `--token`, wherever it stands; its value is masked from then on.
 *
 * @returns the {@link UsageError} to throw.
 */
export function refuseTokenFlag(
  value: string | undefined,
  usage: string,
  context: CliContext,
): UsageError {
  if (value !== undefined) context.hide(value);
  return new UsageError(
    `Refused flag: \`--token\` would leave the token in shell history; set \`${TOKEN_ENV_VAR}\` or pass \`--token-file <path>\`.`,
    usage,
  );
}

/** The name of a flag as typed, without any value: `--output` of `--output=x`, `-x` of `-xyz`. */
export function flagName(arg: string): string {
  return arg.startsWith('--') ? (arg.split('=')[0] as string) : arg.slice(0, 2);
}

// Node's own message for an unknown flag quotes the argument, and a mistyped flag may carry
// a secret as its value: only the flag's name is told.
function parseFailure(error: NodeJS.ErrnoException, args: readonly string[], options: Options) {
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return error.message;
  const known = { ...CONNECTION_OPTIONS, ...options };
  const { tokens } = parseArgs({ args: [...args], options: known, strict: false, tokens: true });
  const unknown = tokens.find(
    (token) => token.kind === 'option' && !Object.hasOwn(known, token.name),
  );
  return unknown?.kind === 'option' ? `Unknown option: \`${unknown.rawName}\`.` : 'Unknown option.';
}
