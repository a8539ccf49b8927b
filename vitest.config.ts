import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Files in one worker share its migrated template database (see test/support/db.ts).
    isolate: false,
    maxWorkers: 2,
    // Generous: whole-route sweeps and built-server starts run minutes on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
