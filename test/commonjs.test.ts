import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the CommonJS build', () => {
  it('bundles ky instead of requiring it, since ky ships as ESM only', () => {
    const bundle = readFileSync(new URL('../dist/index.cjs', import.meta.url), 'utf8');

    expect(bundle).not.toMatch(/require\(["']ky["']\)/);
    expect(bundle).toMatch(/require\(["']zod["']\)/);
  });

  it('loads with require() where require() of ESM is not available (Node 20 before 20.19)', () => {
    const script = `
      const sdk = require('./dist/index.cjs');
      const client = new sdk.CincopaClient({ apiToken: 't' });
      console.log(typeof sdk.extractVersions, client.describeRequest({ rid: 'R' }));`;

    const output = execFileSync(
      process.execPath,
      ['--no-experimental-require-module', '-e', script],
      { cwd: root, encoding: 'utf8' },
    );

    expect(output.trim()).toBe(
      'function https://api.cincopa.com/v2/asset.list.json?api_token=***&rid=R&items_per_page=50',
    );
  });
});
