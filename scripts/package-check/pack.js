import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { runOrThrow } from './run-command.js';

/** Files a user needs besides the build: anything else at the top level is a leak. */
const ROOT_FILES = ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE'];
/** Build output only: bundles and their declarations, flat in dist/, no source maps. */
const DIST_FILE = /^dist\/[\w.-]+\.(?:js|cjs|d\.ts|d\.cts)$/;
/** Names that must never ship, even inside dist/. */
const FORBIDDEN = /(?:^|[/.-])(?:test|tests|spec|fixtures?|bench)(?:[/.-]|$)/i;

/**
 * Packs the package with npm into `destination` and lists the tarball's files. The build runs
 * first, as `prepare` would, so the tarball holds only fresh output.
 */
export async function packTarball(root, destination) {
  await runOrThrow('npm', ['run', 'build'], { cwd: root });
  const { stdout } = await runOrThrow(
    'npm',
    ['pack', '--json', '--ignore-scripts', '--pack-destination', destination],
    { cwd: root },
  );
  const [report] = JSON.parse(stdout);
  return {
    tarball: join(destination, report.filename),
    files: report.files.map((file) => file.path).sort(),
    packedBytes: report.size,
  };
}

/** The files `npm pack --dry-run` would publish, without building anything. */
export async function dryRunFiles(root) {
  const { stdout } = await runOrThrow('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: root,
  });
  return JSON.parse(stdout)[0]
    .files.map((file) => file.path)
    .sort();
}

/**
 * What is wrong with a list of packed files: files a user does not need, and files the
 * manifest points at (exports, main, types, bin, typesVersions) that are missing.
 */
export function fileListProblems(files, manifest) {
  const listed = new Set(files);
  const extra = files.filter(
    (file) => !ROOT_FILES.includes(file) && (!DIST_FILE.test(file) || FORBIDDEN.test(file)),
  );
  const missing = [...ROOT_FILES, ...manifestTargets(manifest)].filter((file) => !listed.has(file));
  return [
    ...extra.map((file) => `ships ${file}, which a user does not need`),
    ...[...new Set(missing)].map((file) => `does not ship ${file}, which package.json names`),
  ];
}

/** Every file path package.json points at, without the leading `./`. */
export function manifestTargets(manifest) {
  const paths = [];
  const collect = (value) => {
    if (typeof value === 'string') paths.push(value.replace(/^\.\//, ''));
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([manifest.main, manifest.module, manifest.types, manifest.bin, manifest.typesVersions]);
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (subpath !== './package.json') collect(target);
  }
  return paths.filter((path) => path !== undefined && path !== 'package.json');
}

/** The package's manifest, as read from `root`. */
export function readManifest(root) {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
}
