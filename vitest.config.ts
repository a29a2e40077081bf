import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Both cores: unit and integration files run beside the (serial) end-to-end files instead of before them.
    maxWorkers: 2,
    projects: [
      // Unit: no browser, no built CLI; tests/unit/ mirrors src/ (tests/unit/<src folder>/<what>.test.ts).
      // 30 s, not vitest's 5 s: unit files share the 2 cores with the e2e runs (CLI start-up and helper threads slow down, never hang).
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], testTimeout: 30_000 } },
      // Integration: one module against a real Chromium (launched in the test), no CLI; files run in parallel.
      { test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 } },
      {
        // End-to-end proofs run the real CLI (built first: dist/), Chromium and fixture app: one file at a time on 2 cores.
        test: { name: 'e2e', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/helpers/build-dist.ts'], fileParallelism: false, testTimeout: 240_000, hookTimeout: 240_000 },
      },
      {
        // Every row of every vendor SDK under its default and leaky config, and their observe fixtures:
        // `npm run test:vendors` (about 10 minutes), not part of `npm test`, which must stay under 15 minutes in CI.
        test: { name: 'vendors', include: ['tests/e2e-vendors/**/*.test.ts'], globalSetup: ['tests/helpers/build-dist.ts'], fileParallelism: false, testTimeout: 400_000, hookTimeout: 400_000 },
      },
    ],
  },
});
