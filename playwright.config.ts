import { defineConfig, devices } from '@playwright/test';
import { resolveBrowser } from './src/browser/resolve-browser.ts';
import { runSeed } from './src/data/seed.ts';

// One seed per run, shared by every worker (workers inherit the runner's environment).
process.env.MASKPROOF_SEED ??= String(runSeed());

const browser = resolveBrowser();
const launchOptions = { executablePath: browser.executablePath, args: browser.args };

// Your own app: set MASKPROOF_BASE_URL. Otherwise the bundled fixture app is started on a free port;
// webServer `wait` captures the port into MASKPROOF_APP_PORT for the workers.
const ownApp = process.env.MASKPROOF_BASE_URL;
const appPort = process.env.MASKPROOF_APP_PORT;
const baseURL = ownApp ?? (appPort ? `http://127.0.0.1:${appPort}` : undefined);

export default defineConfig({
  testDir: './scenarios',
  outputDir: './test-results',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['./src/report/results-reporter.ts'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    baseURL,
    launchOptions,
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'desktop', testIgnore: /mobile-.*\.spec\.ts/, use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'mobile', testMatch: /mobile-.*\.spec\.ts/, use: { ...devices['Pixel 7'], launchOptions } },
  ],
  webServer: ownApp
    ? undefined
    : {
        command: 'node fixtures/app/server.mjs --port 0',
        wait: { stdout: /listening on http:\/\/127\.0\.0\.1:(?<maskproof_app_port>\d+)/ },
        stdout: 'ignore',
        stderr: 'pipe',
        timeout: 15_000,
        reuseExistingServer: false,
      },
});
