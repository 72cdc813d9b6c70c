import { type WriteStream, createWriteStream } from 'node:fs';

import type { CliStream } from './cli-io.js';

/** Where a command's data goes: stdout or a file, masked, with back-pressure honoured. */
export interface Output {
  /** Writes text, waiting when the destination asks to, so that memory stays flat. */
  write(text: string): Promise<void>;
  /** Flushes and closes a file; nothing for stdout. */
  close(): Promise<void>;
}

/** An output to `stream`, every text passed through `mask`. */
export function streamOutput(stream: CliStream, mask: (text: string) => string): Output {
  return {
    async write(text) {
      if (stream.write(mask(text)) !== false || !stream.once) return;
      await new Promise<void>((resolve) => stream.once?.('drain', resolve));
    },
    close: async () => undefined,
  };
}

/**
 * An output to the file at `path`, created or emptied once it is open.
 *
 * @throws {Error} the file system's error when the file cannot be opened.
 */
export async function fileOutput(path: string, mask: (text: string) => string): Promise<Output> {
  const file = createWriteStream(path, { flags: 'w' });
  await new Promise<void>((resolve, reject) => {
    file.once('open', () => resolve());
    file.once('error', reject);
  });
  let failure: Error | undefined;
  file.on('error', (error) => (failure = error));
  return {
    async write(text) {
      if (failure) throw failure;
      if (!file.write(mask(text))) await drained(file);
    },
    close: () => closed(file),
  };
}

function drained(file: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    file.once('drain', resolve);
    file.once('error', reject);
  });
}

function closed(file: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    file.once('error', reject);
    file.end(() => resolve());
  });
}
