import { rmSync } from 'node:fs';

import { defineConfig } from 'tsup';

// Start from an empty dist/ so chunks of earlier builds never ship in the tarball. tsup's own
// `clean` would run in each of the two builds below at once, and they share dist/.
rmSync('dist', { recursive: true, force: true });

// `testing-msw` is its own entry so that msw stays an optional peer dependency of consumers.
const entry = {
  index: 'src/index.ts',
  testing: 'src/testing/index.ts',
  'testing-msw': 'src/testing/msw.ts',
};

export default defineConfig([
  {
    // ESM: ky and zod stay dependencies, resolved by the consumer's install.
    entry: { ...entry, cli: 'src/cli.ts' },
    format: ['esm'],
    target: 'node20',
    dts: { entry },
    splitting: true,
    sourcemap: false,
  },
  {
    // CommonJS: ky ships as ESM only, and require() of ESM fails on Node 20 before 20.19
    // and under Jest, so ky is bundled into this build.
    entry,
    format: ['cjs'],
    target: 'node20',
    dts: { entry },
    noExternal: ['ky'],
    sourcemap: false,
  },
]);
