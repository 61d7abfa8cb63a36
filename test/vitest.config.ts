import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: '.',
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // 2 cores: training tests are CPU-bound, so two forks at most.
    pool: 'forks',
    maxWorkers: 2,
  },
});
