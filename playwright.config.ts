import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { preparePackagedChromium } from './src/browser/resolve-browser.ts';
import type { DemoOptions } from './scenarios/demo-fixture.ts';
import { ownModule, packageRoot } from './src/package-root.ts';
import { runSeed } from './src/data/seed.ts';
import { playwrightArtifactsKept, playwrightHtmlDir, playwrightOutputDir } from './src/report/artifacts.ts';
import { ownAppBaseURL, ownAppFromEnv, ownAppWebServer } from './src/config/own-app-env.ts';

// One seed per run, shared by every worker (workers inherit the runner's environment).
process.env.MASKPROOF_SEED ??= String(runSeed());

// Async: where no other Chromium exists, the packaged one is unpacked (once) before the workers start.
const browser = await preparePackagedChromium();
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

/** The bundled demo app (fixtures/app) is under test: the fixture plants each test's synthetic data in its backend. */
const bundledApp = !ownAppConfig && !ownApp;

export default defineConfig<DemoOptions>({
  testDir: './scenarios',
  // Per report directory, so two runs with their own --report never wipe each other's artifacts; outside the
  // report folder unless MASKPROOF_PLAYWRIGHT_ARTIFACTS=1 (they hold raw planted values: src/report/artifacts.ts).
  outputDir: playwrightOutputDir(),
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    [ownModule('src/collect/privacy-reporter')],
    ...(playwrightArtifactsKept() ? [['html', { open: 'never', outputFolder: playwrightHtmlDir() }] as ['html', { open: 'never'; outputFolder: string }]] : []),
    // Sharded CI runs (`maskproof run --blob DIR`): a blob per shard for `playwright merge-reports`.
    ...(process.env.MASKPROOF_BLOB_DIR ? [['blob', { outputDir: process.env.MASKPROOF_BLOB_DIR }] as ['blob', { outputDir: string }]] : []),
  ],
  use: {
    baseURL,
    launchOptions,
    trace: playwrightArtifactsKept() ? 'retain-on-failure' : 'off',
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
        stdout: 'pipe',
        stderr: 'pipe',
        timeout: 15_000,
        reuseExistingServer: false,
      },
});
