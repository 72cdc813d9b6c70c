import type { CliIo, CliStream } from '../../src/cli/cli-io.js';

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
      stdout: { write: recorder(out) },
      stderr: { write: recorder(err) },
      env,
    },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

/** A stream's `write` that keeps each text in `texts` and calls back at once, as written. */
export function recorder(texts: string[]): CliStream['write'] {
  return (text, callback) => {
    texts.push(text);
    callback?.();
    return true;
  };
}
