import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The machine and the versions a run measured, as the report prints them. */
export interface RunContext {
  readonly cpu: string;
  readonly cores: number;
  readonly memory: string;
  readonly os: string;
  readonly node: string;
  readonly ky: string;
  readonly zod: string;
}

/** Describes this machine and the installed versions of Node, ky and zod. */
export function describeRun(): RunContext {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    ky: installedVersion('ky'),
    zod: installedVersion('zod'),
  };
}

// Read from the installed package, not the range in our package.json; npm runs scripts from
// the package root.
function installedVersion(name: string): string {
  const manifest = path.join(process.cwd(), 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}
