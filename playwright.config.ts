import { join, resolve } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { resolveBrowser } from './src/browser/resolve-browser.ts';
import type { MaskproofOptions } from './src/fixture/index.ts';
import { ownModule, packageRoot } from './src/package-root.ts';
import { runSeed } from './src/data/seed.ts';
import { ownAppBaseURL, ownAppFromEnv, ownAppWebServer } from './src/config/own-app-env.ts';

// One seed per run, shared by every worker (workers inherit the runner's environment).
process.env.MASKPROOF_SEED ??= String(runSeed());

const browser = resolveBrowser();
const launchOptions = { executablePath: browser.executablePath, args: browser.args };

// Your own app: set MASKPROOF_BASE_URL. Otherwise the bundled fixture app is started on a free port;
// webServer `wait` captures the port into MASKPROOF_APP_PORT for the workers.
const ownApp = process.env.MASKPROOF_BASE_URL;
const appPort = process.env.MASKPROOF_APP_PORT;
// `maskproof run --config` / `maskproof audit`: your app as maskproof.config describes it (baseURL, webServer).
const ownAppConfig = ownAppFromEnv();
const baseURL = ownAppConfig ? ownAppBaseURL(ownAppConfig) : ownApp ?? (appPort ? `http://127.0.0.1:${appPort}` : undefined);

/** The leak-vector journeys (scenarios/vectors/), run by `maskproof matrix` only. */
const vectorSpecs = /scenarios[\\/]vectors[\\/].*\.spec\.[jt]s$/;
/** Your own app's declarative journeys and the drift audit's inventory: only with a maskproof.config. */
const ownAppSpecs = /scenarios[\\/](declarative|drift)[\\/].*\.spec\.[jt]s$/;
/** Consent and collection controls (scenarios/controls/): only with `maskproof run --project controls`. */
const controlsSpecs = /scenarios[\\/]controls[\\/].*\.spec\.[jt]s$/;
/** What a run writes goes under the report directory (the CLI always sets it), else the working directory: never next to this file, which is inside node_modules once installed. */
const reportDir = resolve(process.env.MASKPROOF_REPORT_DIR || '.');

/** The bundled demo app (fixtures/app) is under test: the fixture plants each test's synthetic data in its backend. */
const bundledApp = !ownAppConfig && !ownApp;

export default defineConfig<Pick<MaskproofOptions, 'plantFixtureData'>>({
  testDir: './scenarios',
  // Per report directory, so two runs with their own --report never wipe each other's artifacts.
  outputDir: join(reportDir, 'test-results'),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    [ownModule('src/report/results-reporter')],
    ['html', { open: 'never', outputFolder: join(reportDir, 'playwright-report') }],
    // Sharded CI runs (`maskproof run --blob DIR`): a blob per shard for `playwright merge-reports`.
    ...(process.env.MASKPROOF_BLOB_DIR ? [['blob', { outputDir: process.env.MASKPROOF_BLOB_DIR }] as ['blob', { outputDir: string }]] : []),
  ],
  use: {
    baseURL,
    launchOptions,
    trace: 'retain-on-failure',
    plantFixtureData: bundledApp,
  },
  projects: [
    { name: 'desktop', testIgnore: [/mobile-.*\.spec\.[jt]s/, vectorSpecs, ownAppSpecs, controlsSpecs], use: { ...devices['Desktop Chrome'], launchOptions } },
    { name: 'mobile', testMatch: /mobile-.*\.spec\.[jt]s/, use: { ...devices['Pixel 7'], launchOptions } },
    // The leak-vector matrix (`maskproof matrix`): only when asked for, so `npm run qa` runs the five rows.
    ...(process.env.MASKPROOF_VECTORS ? [{ name: 'vectors', testMatch: vectorSpecs, use: { ...devices['Desktop Chrome'], launchOptions } }] : []),
    // Consent and collection controls: only when asked for, so `npm run qa` still runs the five rows.
    ...(process.env.MASKPROOF_CONTROLS ? [{ name: 'controls', testMatch: controlsSpecs, use: { ...devices['Desktop Chrome'], launchOptions } }] : []),
    // Your own app (`maskproof run --config`, `maskproof audit`): the config's journeys, and the drift inventory.
    ...(ownAppConfig
      ? [
          { name: 'journeys', testMatch: /scenarios[\\/]declarative[\\/].*\.spec\.[jt]s$/, use: { ...devices['Desktop Chrome'], launchOptions } },
          { name: 'drift', testMatch: /scenarios[\\/]drift[\\/].*\.spec\.[jt]s$/, use: { ...devices['Desktop Chrome'], launchOptions } },
        ]
      : []),
  ],
  webServer: ownAppConfig
    ? ownAppWebServer(ownAppConfig)
    : ownApp
    ? undefined
    : {
        command: `node ${JSON.stringify(join(packageRoot, 'fixtures/app/server.mjs'))} --port 0`,
        cwd: packageRoot,
        wait: { stdout: /listening on http:\/\/127\.0\.0\.1:(?<maskproof_app_port>\d+)/ },
        stdout: 'ignore',
        stderr: 'pipe',
        timeout: 15_000,
        reuseExistingServer: false,
      },
});
