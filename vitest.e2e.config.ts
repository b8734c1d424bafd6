import { defineConfig } from 'vitest/config';

/** Browser tests: one Chromium at a time (the machine is small), generous timeouts. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    allowOnly: false,
  },
});
