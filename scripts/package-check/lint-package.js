import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

import { runCommand } from './run-command.js';

/**
 * publint on the packed tarball itself, in strict mode: every message, suggestions included,
 * is a problem. Resolves with the messages as text; empty when there is none.
 */
export async function publintProblems(tarball) {
  const bytes = readFileSync(tarball);
  const { messages, pkg } = await publint({
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) },
    strict: true,
  });
  return messages.map(
    (message) => `${message.type}: ${formatMessage(message, pkg, { color: false })}`,
  );
}

/**
 * arethetypeswrong on the packed tarball: every entry must resolve to types of the right
 * module format under node10, node16 (from CJS and from ESM) and bundler resolution.
 */
export function runAttw(root, tarball) {
  const attw = join(root, 'node_modules', '.bin', 'attw');
  return runCommand(attw, [tarball, '--format', 'ascii'], { cwd: root });
}
