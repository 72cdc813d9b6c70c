/** A stream the CLI writes to: `process.stdout`, `process.stderr`, or a test's stand-in. */
export interface CliStream {
  /**
   * Writes text, then calls `callback` once it is written or failed, as Node's streams do; a
   * `false` return asks the writer to wait for that callback.
   */
  write(text: string, callback?: (error?: Error | null) => void): unknown;
  /** Whether the stream is a terminal; the progress bar is drawn only then. */
  readonly isTTY?: boolean;
}

/** Where the CLI writes and what it reads, so that tests can run it in-process. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: success, a failure of the API, the network or the output, bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
