import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    setupFiles: ['test/support/msw-setup.ts'],
    // The environment must not leak a real token or API root into any test.
    env: { CINCOPA_API_TOKEN: '', CINCOPA_BASE_URL: '' },
    testTimeout: 20_000,
  },
});
