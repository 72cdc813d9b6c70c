import { readFile, stat } from 'node:fs/promises';

import { TOKEN_ENV_VAR } from '../client-options.js';
import { UsageError } from './usage-error.js';

/** The token the CLI uses and where it came from. */
export interface TokenSource {
  readonly token: string;
  /** `CINCOPA_API_TOKEN` or `--token-file <path>`, for `doctor` and messages. */
  readonly from: string;
  /** A warning to print, such as a token file others may read. */
  readonly warning: string | null;
}

/**
 * Reads the token from `--token-file` when given, else from `CINCOPA_API_TOKEN`.
 *
 * @throws {UsageError} when neither holds a token or the file cannot be read.
 */
export async function readTokenSource(
  tokenFile: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  usage: string,
): Promise<TokenSource> {
  if (tokenFile !== undefined) return readTokenFile(tokenFile, usage);
  const token = env[TOKEN_ENV_VAR]?.trim();
  if (token) return { token, from: TOKEN_ENV_VAR, warning: null };
  throw new UsageError(
    `Missing API token: set \`${TOKEN_ENV_VAR}\` or pass \`--token-file <path>\`.`,
    usage,
  );
}

async function readTokenFile(path: string, usage: string): Promise<TokenSource> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new UsageError(`Unreadable token file: ${path} (${code}).`, usage);
  }
  const token = text.trim();
  if (!token) throw new UsageError(`Empty token file: ${path} holds no token.`, usage);
  return { token, from: `--token-file ${path}`, warning: await permissionWarning(path) };
}

// As ssh does for keys: a token file that others may read is worth a word.
async function permissionWarning(path: string): Promise<string | null> {
  if (process.platform === 'win32') return null;
  const { mode } = await stat(path);
  if ((mode & 0o077) === 0) return null;
  const octal = (mode & 0o777).toString(8);
  return `warning: the token file ${path} may be read by other users (mode ${octal}); run \`chmod 600 ${path}\`.`;
}
