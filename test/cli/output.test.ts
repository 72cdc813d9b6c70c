import { spawn } from 'node:child_process';
import { existsSync, openSync, closeSync } from 'node:fs';
import {
  lstat,
  mkdtemp,
  readFile,
  readdir,
  realpath,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import type { CliIo } from '../../src/cli/cli-io.js';
import { runCli } from '../../src/cli/run-cli.js';
import {
  type FakeCincopa,
  type FakeCincopaOptions,
  generateAccount,
  helpArticleAsset,
  startFakeCincopa,
} from '../../src/testing/index.js';
import { recorder } from '../support/cli-capture.js';
import { run } from './run.js';

const TOKEN = 'cli-output-SECRET-token';
const assets = [helpArticleAsset, ...generateAccount({ count: 120, seed: 5 }).assets];
const root = fileURLToPath(new URL('../..', import.meta.url));

let server: FakeCincopa | undefined;
let folder: string;

beforeAll(async () => {
  folder = await realpath(await mkdtemp(join(tmpdir(), 'cincopa-output-')));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(options: FakeCincopaOptions = {}) {
  server = await startFakeCincopa({ assets, token: TOKEN, ...options });
  return server;
}

function systemError(code: string, message: string) {
  return Object.assign(new Error(`${code}: ${message}, write`), { code });
}

/** Runs the CLI with a stdout whose writes fail with `error`, after `accepted` writes. */
async function runFailingStdout(args: string[], error: Error, accepted = 0) {
  const err: string[] = [];
  let writes = 0;
  const io: CliIo = {
    stdout: {
      write(_text, callback) {
        const failing = ++writes > accepted;
        setImmediate(() => callback?.(failing ? error : null));
        return !failing;
      },
    },
    stderr: { write: recorder(err) },
    env: { CINCOPA_API_TOKEN: TOKEN },
  };
  const code = await runCli(args, io);
  return { code, stderr: err.join('') };
}

describe('a stdout that cannot be written', () => {
  it('makes get exit 1 with one line on stderr, no stack', async () => {
    const fake = await serve();

    const result = await runFailingStdout(
      ['get', 'ASSET_RID', '--base-url', fake.baseUrl],
      systemError('ENOSPC', 'no space left on device'),
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: Cannot write the output: ENOSPC: no space left on device, write\n',
    );
  });

  it('makes audit stop, exit 1 and say the output is incomplete', async () => {
    const fake = await serve();

    const result = await runFailingStdout(
      ['audit', '--items-per-page', '10', '--base-url', fake.baseUrl],
      systemError('ENOSPC', 'no space left on device'),
      5,
    );

    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: Cannot write the output: ENOSPC: no space left on device, write\n' +
        'warning: the audit did not complete: the data written to stdout is incomplete.\n',
    );
  });

  it('is no failure when the reader closed the pipe (EPIPE): exit 0, nothing said', async () => {
    const fake = await serve();

    const result = await runFailingStdout(
      ['audit', '--base-url', fake.baseUrl],
      systemError('EPIPE', 'broken pipe'),
      2,
    );

    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('makes --help exit 1 too', async () => {
    const result = await runFailingStdout(['--help'], systemError('EIO', 'i/o error'));

    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: Cannot write the output: EIO: i/o error, write\n');
  });
});

describe('audit --output', () => {
  const audit = (fake: FakeCincopa, args: string[]) =>
    run(['audit', '--base-url', fake.baseUrl, ...args], { CINCOPA_API_TOKEN: TOKEN });

  async function precious(name: string) {
    const path = join(folder, name);
    await writeFile(path, 'precious\n');
    return path;
  }

  async function leftovers() {
    return (await readdir(folder)).filter((name) => name.endsWith('.tmp'));
  }

  it('leaves an existing file untouched when the token is refused (401)', async () => {
    const fake = await serve({
      faults: [{ times: Infinity, fault: { kind: 'status', status: 401 } }],
    });
    const path = await precious('refused.csv');

    const result = await audit(fake, ['--format', 'csv', '--output', path]);

    expect(result.code).toBe(1);
    expect(await readFile(path, 'utf8')).toBe('precious\n');
    expect(await leftovers()).toEqual([]);
    expect(result.stderr).toContain(
      `warning: the audit did not complete: nothing was written to ${path}.`,
    );
  });

  it('leaves an existing file untouched when page 2 fails (503)', async () => {
    const fake = await serve({
      faults: [{ page: 2, times: Infinity, fault: { kind: 'status', status: 503 } }],
    });
    const path = await precious('failed.csv');

    const result = await audit(fake, [
      '--format',
      'csv',
      '--items-per-page',
      '50',
      '--output',
      path,
    ]);

    expect(result.code).toBe(1);
    expect(await readFile(path, 'utf8')).toBe('precious\n');
    expect(await leftovers()).toEqual([]);
    expect(result.stderr).toMatch(/^error: Listing failed on page 2 of 3/);
    expect(result.stderr).toContain('nothing was written to');
  }, 15_000);

  it('creates no file at all when the audit fails', async () => {
    const fake = await serve({
      faults: [{ times: Infinity, fault: { kind: 'status', status: 401 } }],
    });
    const path = join(folder, 'never.json');

    await audit(fake, ['--format', 'json', '--output', path]);

    expect(existsSync(path)).toBe(false);
    expect(await leftovers()).toEqual([]);
  });

  it('replaces an existing file once the audit completed, keeping its mode', async () => {
    const fake = await serve();
    const path = await precious('replaced.json');
    const before = await stat(path);

    const result = await audit(fake, ['--format', 'json', '--output', path]);

    expect(result.code).toBe(0);
    expect(JSON.parse(await readFile(path, 'utf8')).records).toHaveLength(121);
    expect((await stat(path)).mode).toBe(before.mode);
    expect(await leftovers()).toEqual([]);
  });

  it('creates a new file with the mode of any new file', async () => {
    const fake = await serve();
    const path = join(folder, 'new.csv');
    const usual = join(folder, 'usual');
    await writeFile(usual, '');

    await audit(fake, ['--format', 'csv', '--output', path]);

    expect((await stat(path)).mode).toBe((await stat(usual)).mode);
  });

  it('writes through a symbolic link, which stays a link', async () => {
    const fake = await serve();
    const real = await precious('real.csv');
    const link = join(folder, 'link.csv');
    await symlink(real, link);

    await audit(fake, ['--format', 'csv', '--output', link]);

    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readFile(real, 'utf8')).toMatch(/^rid,filename/);
  });

  it('says on stderr that JSON on stdout is incomplete when a page fails', async () => {
    const fake = await serve({
      faults: [{ page: 2, times: Infinity, fault: { kind: 'status', status: 503 } }],
    });

    const result = await audit(fake, ['--format', 'json']);

    expect(result.code).toBe(1);
    expect(() => JSON.parse(result.stdout)).toThrow();
    expect(result.stderr).toContain(
      'warning: the audit did not complete: the data written to stdout is incomplete.',
    );
  }, 15_000);
});

const linuxWithDevFull = process.platform === 'linux' && existsSync('/dev/full');

describe.skipIf(!linuxWithDevFull)('the built CLI writing to /dev/full', () => {
  /** Runs dist/cli.js with stdout on /dev/full; resolves with its exit code and stderr. */
  async function runToDevFull(args: string[]) {
    const fake = server ?? (await serve());
    const stdout = openSync('/dev/full', 'w');
    const child = spawn(
      process.execPath,
      [join(root, 'dist', 'cli.js'), ...args, '--base-url', fake.baseUrl],
      {
        stdio: ['ignore', stdout, 'pipe'],
        env: { PATH: process.env.PATH, CINCOPA_API_TOKEN: TOKEN },
      },
    );
    closeSync(stdout);
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));
    return { code, stderr };
  }

  it.each([
    [['get', 'ASSET_RID']],
    [['audit']],
    [['audit', '--output', '/dev/full']],
    [['doctor']],
  ])(
    'exits 1 with one error line and no stack: %j',
    async (args) => {
      const result = await runToDevFull(args);

      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^error: Cannot write the output: ENOSPC: no space left on device/,
      );
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    15_000,
  );
});
