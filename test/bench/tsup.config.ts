import { defineConfig } from 'tsup';

// Bundles the benchmarks (and the sources they import) for plain `node`; ky and zod stay
// external, resolved from node_modules as a user's install would.
export default defineConfig({
  entry: [
    'test/bench/run-benchmarks.ts',
    'test/bench/fake-server-process.ts',
    'test/bench/audit-memory-process.ts',
  ],
  outDir: '.bench-tmp',
  format: ['esm'],
  target: 'node20',
  clean: true,
  dts: false,
  sourcemap: true,
  silent: true,
});
