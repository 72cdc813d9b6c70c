import type { CliStream } from './cli-io.js';
import { OutputError } from './output-error.js';

/** Where a command's data goes: stdout or a file, masked, with back-pressure honoured. */
export interface Output {
  /**
   * Writes text, waiting when the destination asks to, so that memory stays flat.
   *
   * @throws {OutputError} when an earlier write failed.
   */
  write(text: string): Promise<void>;
  /**
   * Ends a complete output once all of it is written; a file is moved into place.
   *
   * @throws {OutputError} when a write failed.
   */
  close(): Promise<void>;
  /** Ends an output left incomplete, and says what became of it, for a warning. */
  abandon(): Promise<string>;
}

/** An output to `stream`, every text passed through `mask`; `name` says where it goes. */
export function streamOutput(
  stream: CliStream,
  mask: (text: string) => string,
  name = 'stdout',
): Output {
  let failure: Error | undefined;
  let written: Promise<void> = Promise.resolve();
  const settled = async () => {
    await written;
    if (failure) throw new OutputError(failure);
  };
  return {
    async write(text) {
      if (failure) throw new OutputError(failure);
      let full = false;
      written = new Promise((resolve) => {
        const accepted = stream.write(mask(text), (error) => {
          failure ??= error ?? undefined;
          resolve();
        });
        full = accepted === false;
      });
      // Callbacks come in order, so the latest one means the stream's buffer is empty: this
      // waits for back-pressure as `drain` would, and also ends when the stream fails.
      if (full) await settled();
    },
    close: settled,
    async abandon() {
      await written;
      return `the data written to ${name} is incomplete.`;
    },
  };
}
