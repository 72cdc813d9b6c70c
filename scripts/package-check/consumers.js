import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { runCommand, runOrThrow } from './run-command.js';

const TEMPLATES = fileURLToPath(new URL('../../test/package/consumers/', import.meta.url));
/** Jest is installed into the temporary consumer only, so the repo's lockfile stays lean. */
const JEST_VERSION = '30.5.2';
const RESOLUTIONS = ['node16', 'nodenext', 'bundler'];

/**
 * Lays out a consumer project in `dir` that depends on the tarball: runtime consumers for
 * ESM, CommonJS and the CLI, a TypeScript consumer per module resolution, and a Jest project.
 * The tools share the repo's versions of TypeScript, @types/node and msw, so that an install
 * is served from npm's cache.
 */
export function createConsumerProject(dir, tarball, root) {
  mkdirSync(dir, { recursive: true });
  const version = (name) => readJson(join(root, 'node_modules', name, 'package.json')).version;
  writeJson(join(dir, 'package.json'), {
    name: 'cincopa-versions-consumer',
    private: true,
    dependencies: {
      '@org/cincopa-versions': `file:${tarball}`,
      '@types/node': version('@types/node'),
      jest: JEST_VERSION,
      msw: version('msw'),
      typescript: version('typescript'),
    },
  });
  for (const file of ['esm.mjs', 'cjs.cjs', 'cli.mjs'])
    cpSync(join(TEMPLATES, file), join(dir, file));
  cpSync(join(TEMPLATES, 'jest'), join(dir, 'jest'), { recursive: true });
  createTypesProject(join(dir, 'types'));
}

/** The type assertions, as ESM and CommonJS files for node16/nodenext and plain for bundler. */
function createTypesProject(dir) {
  mkdirSync(dir, { recursive: true });
  for (const extension of ['mts', 'cts', 'ts']) {
    cpSync(join(TEMPLATES, 'types.ts'), join(dir, `check.${extension}`));
  }
  for (const resolution of RESOLUTIONS) {
    const bundler = resolution === 'bundler';
    writeJson(join(dir, `tsconfig.${resolution}.json`), {
      compilerOptions: {
        module: bundler ? 'preserve' : resolution,
        moduleResolution: resolution,
        target: 'es2022',
        lib: ['es2022', 'dom'],
        types: ['node'],
        strict: true,
        exactOptionalPropertyTypes: true,
        noEmit: true,
        // Checks the declarations too, ours and those they pull in (zod's): once is enough,
        // it costs seconds. Elsewhere an unresolved type still fails the exact assertions.
        skipLibCheck: resolution !== 'nodenext',
      },
      files: bundler ? ['check.ts'] : ['check.mts', 'check.cts'],
    });
  }
}

/** Installs the consumer's dependencies, from npm's cache when it can. */
export function installConsumerProject(dir) {
  return runOrThrow(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts'],
    { cwd: dir, timeoutMs: 600_000 },
  );
}

/** The path of a Node binary of that major version, fetched with npx on first use. */
export async function nodeBinary(major) {
  if (process.versions.node.startsWith(`${major}.`)) return process.execPath;
  const { stdout } = await runOrThrow('npx', ['-y', `node@${major}`, '-p', 'process.execPath'], {
    timeoutMs: 600_000,
  });
  return stdout.trim();
}

/** Every consumer check, each a command to run in the consumer project. */
export function consumerChecks(nodes) {
  const checks = [];
  for (const [major, node] of Object.entries(nodes)) {
    checks.push({ name: `Node ${major}, import (ESM)`, command: node, args: ['esm.mjs'] });
    checks.push({ name: `Node ${major}, require (CJS)`, command: node, args: ['cjs.cjs'] });
    if (major === '24') continue;
    // The flag turns off require() of ESM, as on Node 20 before 20.19 and Node 22 before 22.12.
    const flag = '--no-experimental-require-module';
    checks.push({
      name: `Node ${major}, require, ${flag}`,
      command: node,
      args: [flag, 'cjs.cjs'],
    });
  }
  for (const resolution of RESOLUTIONS) {
    const tsc = ['node_modules/typescript/bin/tsc', '-p', `types/tsconfig.${resolution}.json`];
    checks.push({
      name: `tsc, moduleResolution ${resolution}`,
      command: process.execPath,
      args: tsc,
      quietDetail: 'no type errors',
    });
  }
  const jest = ['node_modules/jest/bin/jest.js', '--ci', '--rootDir', 'jest'];
  checks.push({ name: 'Jest (CommonJS runtime)', command: process.execPath, args: jest });
  checks.push({ name: 'CLI bin (cincopa-versions)', command: process.execPath, args: ['cli.mjs'] });
  return checks;
}

/**
 * Runs one check. The environment holds no token, and its API root points at a closed
 * loopback port, so a consumer that forgot to aim at the fake server cannot reach Cincopa.
 */
export function runConsumerCheck(dir, check) {
  const env = { ...process.env, CINCOPA_BASE_URL: 'http://127.0.0.1:9/v2/' };
  delete env.CINCOPA_API_TOKEN;
  return runCommand(check.command, check.args, { cwd: dir, env, timeoutMs: 180_000 });
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

function writeJson(file, value) {
  writeFileSync(file, `${JSON.stringify(value, null, 2)}\n`);
}
