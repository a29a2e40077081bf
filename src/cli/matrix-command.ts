import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeBrowser, preparePackagedChromium } from '../browser/resolve-browser.ts';
import { ownModule, packageRoot } from '../package-root.ts';
import { loadRecorderConfig } from '../config/recorder-config.ts';
import { parseSeed, runSeed } from '../data/seed.ts';
import { ConfigError, MaskproofError, UsageError } from '../errors.ts';
import { HTML_FILE, MATRIX_FILE, RESULTS_FILE } from '../contract/names.ts';
import { renderTerminal } from '../report/formats.ts';
import { vectors } from '../vectors/catalog.ts';
import { type MatrixFile, matrixPasses } from '../vectors/matrix.ts';
import { runPlaywrightOrInterrupt } from './playwright-child.ts';
import { lockReportDir } from './preflight.ts';

/** Every config the matrix uses must load before the browser starts: a bad one is exit 2, with its hint. */
function checkConfigs(): void {
  for (const vector of vectors) {
    for (const config of [vector.safe, vector.leaky]) {
      const loaded = loadRecorderConfig(resolve(packageRoot, config.path));
      if (loaded.recorder !== 'rrweb') throw new ConfigError(`matrix config ${config.path} is a ${loaded.recorder} config`, 'The leak-vector matrix drives rrweb configs only.');
    }
  }
}

/**
 * `maskproof matrix`: runs every leak vector under its safe and its leaky recorder config in one
 * Playwright run, prints vector × config → caught / clean / MISSED / FALSE ALARM and writes
 * <report>/matrix.json. Exit 0: every cell as expected; 1: a MISSED, FALSE ALARM or ERROR cell; 2: bad usage.
 */
export async function matrixCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { seed: { type: 'string' }, report: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message, 'Run `maskproof matrix --help` for the options.');
  }
  const { values, positionals } = parsed;
  if (process.env.MASKPROOF_BASE_URL) {
    throw new UsageError('the leak-vector matrix runs on the bundled fixture app only', 'Unset MASKPROOF_BASE_URL: the vectors are pages of fixtures/app.');
  }
  const seed = values.seed !== undefined ? parseSeed(values.seed, '--seed') : runSeed();
  checkConfigs();
  const browser = await preparePackagedChromium();
  const reportDir = resolve(values.report ?? process.env.MASKPROOF_REPORT_DIR ?? 'reports');
  const matrixFile = join(reportDir, MATRIX_FILE);
  lockReportDir(reportDir);
  rmSync(matrixFile, { force: true });

  console.log(`maskproof matrix · ${vectors.length} vectors × 2 configs · browser ${describeBrowser(browser)} · report in ${relative(process.cwd(), reportDir) || '.'}/`);
  const reporter = ownModule('src/collect/matrix-reporter');
  // Two workers: the cells are short, independent journeys (Playwright would pick one on 2 cores).
  const workers = positionals.some((a) => a.startsWith('--workers') || a === '-j') ? [] : ['--workers', '2'];
  const args = ['--project', 'vectors', '--reporter', reporter, ...workers, ...positionals];
  const started = Date.now();
  // SIGINT/SIGTERM are forwarded to Playwright and waited for (playwright-child.ts).
  const exitCode = await runPlaywrightOrInterrupt(args, {
    MASKPROOF_VECTORS: '1',
    MASKPROOF_SEED: String(seed),
    MASKPROOF_REPORT_DIR: reportDir,
    // Playwright arguments (a --grep) run part of the matrix: the reporter then leaves the rest out.
    ...(positionals.length > 0 ? { MASKPROOF_MATRIX_PARTIAL: '1' } : {}),
  }, 'matrix');
  if (!existsSync(matrixFile)) {
    throw new MaskproofError(
      `Playwright exited with code ${exitCode} before writing ${matrixFile}`,
      'Read the Playwright output above: the app server or the browser likely failed to start.',
      2,
    );
  }
  const matrix = JSON.parse(readFileSync(matrixFile, 'utf8')) as MatrixFile;
  console.log('');
  console.log(renderTerminal({ matrix }));
  console.log(`${((Date.now() - started) / 1000).toFixed(1)}s · matrix in ${relative(process.cwd(), matrixFile) || matrixFile}`);
  // The stakeholder report shows the matrix under the test-case table, when a run wrote one (the reporter renders it).
  if (existsSync(join(reportDir, RESULTS_FILE)) && existsSync(join(reportDir, HTML_FILE))) console.log(`report: ${relative(process.cwd(), join(reportDir, HTML_FILE))} (matrix included)`);
  const partial = positionals.length > 0;
  if (partial) console.log(`partial matrix: ${matrix.rows.length} of ${vectors.length * 2} cells (Playwright arguments were given)`);
  const bad = matrix.summary.missed + matrix.summary.falseAlarms + matrix.summary.errors;
  if (matrix.rows.length === 0) throw new MaskproofError('no vector ran', 'Check the Playwright filter you passed after --.', 2);
  return (partial ? bad === 0 : matrixPasses(matrix.summary)) ? 0 : 1;
}
