import type { CliIo } from '../../src/cli/cli-io.js';

/** An in-process stand-in for the CLI's streams and environment, recording what it prints. */
export interface CliCapture {
  readonly io: CliIo;
  stdout(): string;
  stderr(): string;
}

/** Records stdout and stderr of one `runCli` call made with `env`. */
export function captureCli(env: Record<string, string | undefined>): CliCapture {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (text: string) => out.push(text) },
      stderr: { write: (text: string) => err.push(text) },
      env,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}
