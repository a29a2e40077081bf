import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { describeBrowser, preparePackagedChromium } from '../browser/resolve-browser.ts';
import { isRrwebConfig, loadRecorderConfig, recorderName } from '../config/recorder-config.ts';
import { newViolations, readBaseline, toBaseline, writeBaseline } from '../drift/baseline.ts';
import { classifyRoute, highRouteRecorded } from '../drift/classify.ts';
import { driftResult } from '../drift/result.ts';
import { renderTerminal, writeReports } from '../report/formats.ts';
import { DRIFT_DIR, type RouteInventory } from '../drift/types.ts';
import { ConfigError, MaskproofError, UsageError } from '../errors.ts';
import { slug } from '../report/paths.ts';
import { prepareOwnApp } from './own-app.ts';
import { runPlaywrightOrInterrupt } from './playwright-child.ts';
import { lockReportDir } from './preflight.ts';

export const DEFAULT_BASELINE = 'maskproof-baseline.json';

/**
 * `maskproof audit`: the drift audit. Visits every configured route, lists each element a replay could
 * capture, classifies it under the recorder config as blocked / masked / allowed / unprotected, and
 * fails on unprotected elements the route's risk class requires protected (with a baseline: on those
 * the baseline did not already know). Exit 0 clean, 1 drift found, 2 bad usage or config.
 */
export async function auditCommand(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { config: { type: 'string' }, baseline: { type: 'string' }, 'update-baseline': { type: 'boolean' }, report: { type: 'string' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message, 'Run `maskproof audit --help` for the options.');
  }
  const { values, positionals } = parsed;
  if (values['update-baseline'] && positionals.length > 0) throw new UsageError('--update-baseline records every route: it cannot run on part of them', 'Drop the Playwright arguments after -- when updating the baseline.');
  const reportDir = resolve(values.report ?? process.env.MASKPROOF_REPORT_DIR ?? 'reports');
  const ownApp = await prepareOwnApp({ configArg: values.config, recorderArg: undefined, reportDir });
  if (!ownApp) throw new UsageError('no maskproof.config.ts or .json in the working directory', 'Pass --config FILE, or run `maskproof init` to write one.');
  const { config } = ownApp;
  if (config.routes.length === 0) throw new ConfigError(`${relative(process.cwd(), config.configFile)} has no routes to audit`, 'Add "routes": [{ "path": "/checkout", "risk": "medium" }, ...].');
  const recorder = loadRecorderConfig(ownApp.recorderPath);
  if (!isRrwebConfig(recorder)) {
    throw new ConfigError(`the drift audit reads rrweb recorder configs; this one is ${recorderName(recorder.recorder)}`, 'Audit with an rrweb config that mirrors your SDK\'s masking options, or run the journeys (`maskproof run`) for this recorder.');
  }
  const baselineFile = resolve(values.baseline ?? join(dirname(config.configFile), DEFAULT_BASELINE));
  const useBaseline = !values['update-baseline'] && (values.baseline !== undefined || existsSync(baselineFile));
  const baseline = useBaseline ? readBaseline(baselineFile) : undefined;
  const browser = await preparePackagedChromium();
  const driftDir = join(reportDir, DRIFT_DIR);
  rmSync(driftDir, { recursive: true, force: true });

  const started = Date.now();
  console.log(`maskproof audit · ${config.routes.length} routes · recorder ${recorder.name} · ${baseline ? `baseline ${relative(process.cwd(), baselineFile)}` : 'no baseline'} · browser ${describeBrowser(browser)}`);
  lockReportDir(reportDir);
  // SIGINT/SIGTERM are forwarded to Playwright and waited for (playwright-child.ts).
  const exitCode = await runPlaywrightOrInterrupt(['--project', 'drift', '--reporter', 'dot', ...positionals], { MASKPROOF_RECORDER: ownApp.recorderPath, MASKPROOF_REPORT_DIR: reportDir, ...ownApp.env }, 'drift audit');
  // Playwright arguments (a --shard, a --grep) audit part of the routes: the others are left out, and said so.
  const partial = positionals.length > 0;
  const inventories: RouteInventory[] = [];
  for (const route of config.routes) {
    const file = join(driftDir, `${slug(route.path) || 'root'}.json`);
    if (!existsSync(file) && partial && exitCode === 0) continue;
    if (!existsSync(file)) {
      throw new MaskproofError(`route ${route.path} could not be listed (Playwright exited with code ${exitCode})`, 'Read the Playwright output above: the page failed to load, or its "ready" selector never appeared.', 2);
    }
    inventories.push(JSON.parse(readFileSync(file, 'utf8')) as RouteInventory);
  }
  if (inventories.length === 0) throw new MaskproofError('no route was audited', 'Check the Playwright filter you passed after --.', 2);
  const rrweb = recorder;
  const classified = inventories.flatMap((inventory) => classifyRoute(inventory, rrweb));
  const routeProblems = inventories.map((i) => highRouteRecorded(i, rrweb)).filter((p): p is string => p !== undefined);
  const failing = new Set(baseline ? newViolations(classified, baseline) : classified.filter((e) => e.violation));
  const drift = driftResult({
    startedAt: started,
    recorder: recorder.name,
    baseline: baseline ? relative(process.cwd(), baselineFile) : undefined,
    inventories,
    classified,
    failing,
    routeProblems,
    configuredRoutes: config.routes.length,
    partial,
  });
  // The drift section of the result model: drift-result.json, and junit.xml / index.html rendered with it.
  const reports = writeReports(reportDir, { drift });
  for (const error of reports.errors) console.log(`maskproof: could not write the ${error.format} report: ${error.message}`);
  console.log('');
  console.log(renderTerminal({ drift }));
  if (values['update-baseline']) {
    writeBaseline(baselineFile, toBaseline(inventories, classified));
    console.log(`baseline written: ${relative(process.cwd(), baselineFile)} (commit it; later runs fail on new unprotected elements)`);
    return routeProblems.length > 0 ? 1 : 0;
  }
  return failing.size > 0 || routeProblems.length > 0 ? 1 : 0;
}
