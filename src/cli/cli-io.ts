/** Where the CLI writes and what it reads, so that tests can run it in-process. */
export interface CliIo {
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(text: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: success, a failure of the API or the network, bad usage. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
