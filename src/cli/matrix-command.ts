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
import { inapplicableReason } from '../vectors/applicability.ts';
import { vectors } from '../vectors/catalog.ts';
import { RECORDER_MATRIX_FILE, type RecorderMatrixFile, applicableVectors, renderRecorderTable } from '../vectors/recorder-matrix.ts';
import { type MatrixFile, matrixPasses } from '../vectors/matrix.ts';
import { runPlaywrightOrInterrupt } from './playwright-child.ts';
import { lockReportDir } from './preflight.ts';

/**
 * Every config the matrix uses must load before the browser starts (any registered recorder), and its
 * recorder must send the vector's surface: a bad one is exit 2, with its hint.
 */
function checkConfigs(): void {
  for (const vector of vectors) {
    for (const config of [vector.safe, vector.leaky]) {
      const loaded = loadRecorderConfig(resolve(packageRoot, config.path));
      const reason = inapplicableReason(vector, loaded);
      if (reason) throw new ConfigError(`matrix config ${config.path} cannot run vector ${vector.number} (${vector.id}): ${reason}`, 'Give the vector a config whose recorder sends that surface.');
    }
  }
}

/** One Playwright run of the vectors project with the matrix reporter (`env`: the --recorder config). */
function runVectors(seed: number, reportDir: string, positionals: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const reporter = ownModule('src/collect/matrix-reporter');
  // Two workers: the cells are short, independent journeys (Playwright would pick one on 2 cores).
  const workers = positionals.some((a) => a.startsWith('--workers') || a === '-j') ? [] : ['--workers', '2'];
  const args = ['--project', 'vectors', '--reporter', reporter, ...workers, ...positionals];
  // SIGINT/SIGTERM are forwarded to Playwright and waited for (playwright-child.ts).
  return runPlaywrightOrInterrupt(args, {
    ...env,
    MASKPROOF_VECTORS: '1',
    MASKPROOF_SEED: String(seed),
    MASKPROOF_REPORT_DIR: reportDir,
    // Playwright arguments (a --grep) run part of the matrix: the reporter then leaves the rest out.
    ...(positionals.length > 0 ? { MASKPROOF_MATRIX_PARTIAL: '1' } : {}),
  }, 'matrix');
}

/**
 * `maskproof matrix --recorder <config>`: every vector page under that one config; per vector safe /
 * leaked / inapplicable (the recorder does not send the vector's surface). Exit 0 nothing leaked, 1 a
 * vector leaked or did not complete, 2 bad usage or config.
 */
async function recorderMatrix(file: string, seed: number, report: string | undefined, positionals: string[]): Promise<number> {
  const configPath = resolve(file);
  // A bad or unknown config is exit 2 here, with its hint, before any browser starts.
  const config = loadRecorderConfig(configPath);
  const browser = await preparePackagedChromium();
  const reportDir = resolve(report ?? process.env.MASKPROOF_REPORT_DIR ?? 'reports');
  const matrixFile = join(reportDir, RECORDER_MATRIX_FILE);
  lockReportDir(reportDir);
  rmSync(matrixFile, { force: true });
  const runs = applicableVectors(config).length;
  console.log(`maskproof matrix --recorder ${config.name} (${config.recorder}) · ${vectors.length} vectors, ${runs} applicable · browser ${describeBrowser(browser)} · report in ${relative(process.cwd(), reportDir) || '.'}/`);
  const started = Date.now();
  const exitCode = await runVectors(seed, reportDir, positionals, { MASKPROOF_MATRIX_RECORDER: configPath });
  if (!existsSync(matrixFile)) {
    throw new MaskproofError(`Playwright exited with code ${exitCode} before writing ${matrixFile}`, 'Read the Playwright output above: the app server or the browser likely failed to start.', 2);
  }
  const matrix = JSON.parse(readFileSync(matrixFile, 'utf8')) as RecorderMatrixFile;
  console.log('');
  console.log(renderRecorderTable(matrix));
  console.log(`${((Date.now() - started) / 1000).toFixed(1)}s · matrix in ${relative(process.cwd(), matrixFile) || matrixFile}`);
  if (matrix.rows.length === 0) throw new MaskproofError('no vector ran', 'Check the Playwright filter you passed after --.', 2);
  return matrix.summary.leaked + matrix.summary.errors === 0 ? 0 : 1;
}

/**
 * `maskproof matrix`: runs every leak vector under its safe and its leaky recorder config in one
 * Playwright run, prints vector × config → caught / clean / MISSED / FALSE ALARM and writes
 * <report>/matrix.json. Exit 0: every cell as expected; 1: a MISSED, FALSE ALARM or ERROR cell; 2: bad usage.
 */
export async function matrixCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { seed: { type: 'string' }, report: { type: 'string' }, recorder: { type: 'string' } } });
  } catch (error) {
    throw new UsageError((error as Error).message, 'Run `maskproof matrix --help` for the options.');
  }
  const { values, positionals } = parsed;
  if (process.env.MASKPROOF_BASE_URL) {
    throw new UsageError('the leak-vector matrix runs on the bundled fixture app only', 'Unset MASKPROOF_BASE_URL: the vectors are pages of fixtures/app.');
  }
  const seed = values.seed !== undefined ? parseSeed(values.seed, '--seed') : runSeed();
  if (values.recorder !== undefined) return recorderMatrix(values.recorder, seed, values.report, positionals);
  checkConfigs();
  const browser = await preparePackagedChromium();
  const reportDir = resolve(values.report ?? process.env.MASKPROOF_REPORT_DIR ?? 'reports');
  const matrixFile = join(reportDir, MATRIX_FILE);
  lockReportDir(reportDir);
  rmSync(matrixFile, { force: true });

  console.log(`maskproof matrix · ${vectors.length} vectors × 2 configs · browser ${describeBrowser(browser)} · report in ${relative(process.cwd(), reportDir) || '.'}/`);
  const started = Date.now();
  const exitCode = await runVectors(seed, reportDir, positionals);
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
