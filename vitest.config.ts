import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Both cores: unit files run beside the (serial) end-to-end files instead of before them.
    maxWorkers: 2,
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        // End-to-end proofs run the real CLI (built first: dist/), Chromium and fixture app: one file at a time on 2 cores.
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/helpers/build-dist.ts'], fileParallelism: false, testTimeout: 240_000, hookTimeout: 240_000 },
      },
    ],
  },
});
