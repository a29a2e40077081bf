import { existsSync, readFileSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeBrowser, preparePackagedChromium } from '../browser/resolve-browser.ts';
import { DEFAULT_RECORDER_CONFIG, packageRoot } from '../package-root.ts';
import { loadRecorderConfig } from '../config/recorder-config.ts';
import { parseSeed, runSeed } from '../data/seed.ts';
import { requireVendorPackage } from '../recorder/vendor-packages.ts';
import { AppUnreachableError, HarnessError, MaskproofError, UsageError } from '../errors.ts';
import type { RunResults } from '../report/results.ts';
import { prepareOwnApp } from './own-app.ts';
import { type ChildExit, runPlaywrightTest } from './playwright-child.ts';
import { checkBrowserLaunches, lockReportDir } from './preflight.ts';
import { checkPlaywrightOutcome } from './run-outcome.ts';
import { playwrightArtifactsKept, playwrightOutputDir } from '../report/artifacts.ts';

const PROJECTS = ['desktop', 'mobile', 'controls'];

async function checkReachable(baseURL: string): Promise<void> {
  try {
    await fetch(baseURL, { method: 'GET', signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new AppUnreachableError(
      `the app at ${baseURL} could not be reached (${(error as Error).cause ?? (error as Error).message})`,
      'Start your app first, or fix MASKPROOF_BASE_URL; unset it to test the bundled fixture app.',
    );
  }
}

/** `maskproof run`: validates everything it can up front, then runs the journeys with Playwright Test. */
export async function runCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        recorder: { type: 'string' },
        seed: { type: 'string' },
        project: { type: 'string', multiple: true },
        report: { type: 'string' },
        config: { type: 'string' },
        blob: { type: 'string' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, 'Run `maskproof run --help` for the options.');
  }
  const { values, positionals } = parsed;
  const recorderArg = values.recorder ?? process.env.MASKPROOF_RECORDER ?? resolve(packageRoot, DEFAULT_RECORDER_CONFIG);
  // A bad config fails here, with its hint, before Playwright and the browser start; so does a vendor SDK not installed.
  const recorderConfig = loadRecorderConfig(recorderArg);
  requireVendorPackage(recorderConfig.recorder);
  const recorderPath = resolve(recorderArg);
  const seed = values.seed !== undefined ? parseSeed(values.seed, '--seed') : runSeed();
  for (const project of values.project ?? []) {
    if (!PROJECTS.includes(project)) throw new UsageError(`unknown project "${project}"`, `Use one of: ${PROJECTS.join(', ')}.`);
  }
  const browser = await preparePackagedChromium();
  if (process.env.MASKPROOF_BASE_URL) await checkReachable(process.env.MASKPROOF_BASE_URL);
  const reportDir = resolve(values.report ?? process.env.MASKPROOF_REPORT_DIR ?? 'reports');
  const resultsFile = resolve(reportDir, 'results.json');
  // The report directory is writable and this run has it to itself; the browser starts: else exit 2 now.
  const release = lockReportDir(reportDir);
  rmSync(resultsFile, { force: true });
  // Your own app: maskproof.config (--config, or one in the working directory) and its journeys.
  const ownApp = await prepareOwnApp({ configArg: values.config, recorderArg: values.recorder ?? process.env.MASKPROOF_RECORDER, reportDir });
  if (ownApp) requireVendorPackage(loadRecorderConfig(ownApp.recorderPath).recorder);
  if (ownApp && values.project) throw new UsageError('--project picks the bundled journeys; with a config, each journey says its device', 'Drop --project, or set `device: mobile` in the journey.');
  if (ownApp && ownApp.config.journeyFiles.length === 0) throw new UsageError(`${relative(process.cwd(), ownApp.config.configFile)} has no journeys to run`, 'Add a "journeys" key (YAML files or a directory of them), or run `maskproof audit` for the drift audit alone.');

  await checkBrowserLaunches(browser, ownApp ? loadRecorderConfig(ownApp.recorderPath) : recorderConfig);
  console.log(`maskproof run · browser ${describeBrowser(browser)} · report in ${relative(process.cwd(), reportDir) || '.'}/`);
  const args = [...(values.project ?? []).flatMap((p) => ['--project', p]), ...(ownApp ? ['--project', 'journeys'] : []), ...positionals];
  let exit: ChildExit;
  try {
    exit = await runPlaywrightTest(args, {
      MASKPROOF_RECORDER: ownApp?.recorderPath ?? recorderPath,
      MASKPROOF_SEED: String(seed),
      MASKPROOF_REPORT_DIR: reportDir,
      ...ownApp?.env,
      // The consent and collection controls project exists only when asked for (playwright.config.ts).
      ...(values.project?.includes('controls') ? { MASKPROOF_CONTROLS: '1' } : {}),
      // --blob DIR: Playwright's blob report beside maskproof's own, for merge-reports after a sharded run.
      ...(values.blob ? { MASKPROOF_BLOB_DIR: resolve(values.blob) } : {}),
    });
  } finally {
    release();
    // Playwright's artifacts (page snapshots, traces) hold raw planted values: not left behind unless asked.
    if (!playwrightArtifactsKept()) rmSync(playwrightOutputDir({ ...process.env, MASKPROOF_REPORT_DIR: reportDir }), { recursive: true, force: true });
  }
  const results = checkPlaywrightOutcome(exit, resultsFile);
  return runExitCode(results);
}

/**
 * 0 every row passed; 1 a row proved a leak, or could not be proven (inapplicable); 2 a harness error
 * and no leak: the run itself broke, which is no verdict on the recorder.
 */
export function runExitCode(results: Pick<RunResults, 'cases' | 'browserCrashed' | 'browser'>): number {
  const statuses = new Set(results.cases.map((c) => c.status));
  if (statuses.has('fail')) return 1;
  if (results.browserCrashed) {
    // Chromium died mid-run: one line naming it (the rows it cut short are harness errors in results.json).
    const cut = results.cases.filter((c) => c.status === 'error');
    throw new HarnessError(
      `the browser (${results.browser ?? 'Chromium'}) crashed or was killed during the run: ${cut.length} ${cut.length === 1 ? 'row' : 'rows'} could not be checked (${cut.map((c) => `${c.id} [${c.project}]`).join(', ')}); results.json says "browserCrashed": true`,
      'Run it again; if Chromium crashes again, look for the out-of-memory killer (`dmesg`) or a small /dev/shm, or choose another browser with MASKPROOF_CHROMIUM.',
    );
  }
  if (statuses.has('error')) {
    const errored = results.cases.filter((c) => c.status === 'error');
    console.error(`maskproof: ${errored.length} ${errored.length === 1 ? 'row' : 'rows'} could not be checked (harness error, not a privacy verdict): ${errored[0]!.reasons[0] ?? ''}`);
    console.error('  Fix the cause named above (the app, the browser, a page that failed) and run again.');
    return 2;
  }
  return statuses.size === 1 && statuses.has('pass') ? 0 : 1;
}
