import { CincopaClient } from '../client.js';
import { BASE_URL_ENV_VAR, DEFAULT_BASE_URL, TOKEN_ENV_VAR } from '../client-options.js';
import { type TokenMasker, createTokenMasker } from '../internal/token-mask.js';
import type { CliIo } from './cli-io.js';
import { type Output, streamOutput } from './output.js';
import { printable, terminalLines } from './printable.js';
import { type TokenSource, readTokenSource } from './token-source.js';

/** The connection flags every command accepts. */
export interface ConnectionFlags {
  readonly 'base-url'?: string | undefined;
  readonly 'token-file'?: string | undefined;
}

/** A client ready to use, and where its settings came from. */
export interface Connection {
  readonly client: CincopaClient;
  readonly token: TokenSource;
  /** The API root, and `--base-url`, `CINCOPA_BASE_URL` or `default`. */
  readonly baseUrl: { readonly url: string; readonly from: string };
}

/**
 * What a command needs from the CLI: its streams, and a mask that knows every token seen so
 * far (the environment's from the start, a token file's once it is read).
 */
export class CliContext {
  readonly io: CliIo;
  /** Stdout, masked: every text a command prints there goes through it. */
  readonly stdout: Output;
  readonly #masks: TokenMasker[];
  readonly #afterError: string[];

  constructor(io: CliIo) {
    this.io = io;
    this.stdout = streamOutput(io.stdout, (text) => this.mask(text));
    this.#masks = [];
    this.#afterError = [];
    const token = io.env[TOKEN_ENV_VAR];
    if (token !== undefined) this.hide(token);
  }

  /** Masks every token the CLI knows of. */
  readonly mask = (text: string): string =>
    this.#masks.reduce((masked, mask) => mask(masked), text);

  /**
   * Adds a text to mask wherever it would be printed. Output is masked once formatted, so the
   * text is also hidden as the CLI's formats spell it: escaped for a terminal, quoted in CSV.
   */
  hide(secret: string): void {
    const sent = secret.trim();
    for (const spelling of new Set([secret, printable(sent), sent.replace(/"/g, '""')])) {
      this.#masks.push(createTokenMasker(spelling));
    }
  }

  /**
   * Writes a message on stderr, then a line break: escaped for a terminal line by line, since
   * messages quote what servers and users sent, and masked.
   */
  warn(message: string): void {
    this.io.stderr.write(this.mask(terminalLines(`${message}\n`)));
  }

  /** Keeps a warning to print after the error that ends the command, which it explains. */
  warnAfterError(message: string): void {
    this.#afterError.push(message);
  }

  /** Writes the error that ends the command on stderr, then the warnings kept for it. */
  fail(message: string): void {
    this.warn(`error: ${message}`);
    for (const warning of this.#afterError.splice(0)) this.warn(`warning: ${warning}`);
  }

  /**
   * Reads the token and builds a client.
   *
   * @throws {UsageError} when there is no token.
   * @throws {InvalidRequestError} when an option is malformed.
   */
  async connect(flags: ConnectionFlags, usage: string): Promise<Connection> {
    const token = await readTokenSource(flags['token-file'], this.io.env, usage);
    this.hide(token.token);
    if (token.warning) this.warn(token.warning);
    const baseUrl = this.#baseUrl(flags);
    const client = new CincopaClient({ apiToken: token.token, baseUrl: baseUrl.url });
    return { client, token, baseUrl };
  }

  #baseUrl(flags: ConnectionFlags): Connection['baseUrl'] {
    if (flags['base-url'] !== undefined) return { url: flags['base-url'], from: '--base-url' };
    const fromEnv = this.io.env[BASE_URL_ENV_VAR];
    if (fromEnv) return { url: fromEnv, from: BASE_URL_ENV_VAR };
    return { url: DEFAULT_BASE_URL, from: 'default' };
  }
}
