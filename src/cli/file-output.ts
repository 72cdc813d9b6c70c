import { randomBytes } from 'node:crypto';
import { type WriteStream, createWriteStream } from 'node:fs';
import { realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

import { OutputError } from './output-error.js';
import { type Output, streamOutput } from './output.js';

/**
 * An output to the file at `path` that appears whole or not at all: the data goes to a new
 * file beside it, moved over `path` once complete and removed otherwise. A path that exists
 * and is no regular file (`/dev/null`, a named pipe) is written directly.
 *
 * @throws {Error} the file system's error when the file cannot be created.
 */
export async function fileOutput(path: string, mask: (text: string) => string): Promise<Output> {
  const existing = await stat(path).catch(() => undefined);
  if (existing && !existing.isFile()) return directOutput(path, mask);

  // Renaming over the real file, not over a symbolic link to it, keeps the link.
  const target = existing ? await realpath(path) : path;
  const temporary = join(
    dirname(target),
    `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const mode = existing ? existing.mode & 0o777 : 0o666;
  const file = await opened(createWriteStream(temporary, { flags: 'wx', mode }));
  const output = streamOutput(file, mask, path);
  return {
    write: output.write,
    async close() {
      try {
        await output.close();
        await ended(file);
        await rename(temporary, target);
      } catch (error) {
        await discard(file, temporary);
        throw error instanceof OutputError ? error : new OutputError(error as Error);
      }
    },
    async abandon() {
      await discard(file, temporary);
      return `nothing was written to ${path}.`;
    },
  };
}

async function directOutput(path: string, mask: (text: string) => string): Promise<Output> {
  const file = await opened(createWriteStream(path, { flags: 'w' }));
  const output = streamOutput(file, mask, path);
  return {
    write: output.write,
    async close() {
      await output.close();
      await ended(file).catch((error: Error) => Promise.reject(new OutputError(error)));
    },
    async abandon() {
      file.destroy();
      return output.abandon();
    },
  };
}

// Once open, a write's failure reaches its callback, which the output reports; the `error`
// event that follows must not crash the process.
function opened(file: WriteStream): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    file.once('open', () => {
      file.off('error', reject);
      file.on('error', () => undefined);
      resolve(file);
    });
    file.once('error', reject);
  });
}

function ended(file: WriteStream): Promise<void> {
  return new Promise((resolve, reject) => {
    file.once('error', reject);
    file.end(() => resolve());
  });
}

async function discard(file: WriteStream, temporary: string): Promise<void> {
  await new Promise<void>((resolve) => {
    file.once('close', resolve);
    file.destroy();
    if (file.closed) resolve();
  });
  await rm(temporary, { force: true });
}
