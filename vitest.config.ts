import { defineConfig } from 'vitest/config';
import LongFirstSequencer from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Files in one worker share its migrated template database (see test/support/db.ts).
    isolate: false,
    maxWorkers: 2,
    sequence: { sequencer: LongFirstSequencer },
    // Generous: whole-route sweeps and built-server starts run minutes on a loaded 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
