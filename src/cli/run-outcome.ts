import { existsSync, readFileSync, statfsSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { HarnessError, MaskproofError } from '../errors.ts';
import { writeFileAtomic } from '../report/atomic-write.ts';
import type { RunResults } from '../report/results.ts';
import type { ChildExit } from './playwright-child.ts';

const shown = (file: string) => relative(process.cwd(), file) || file;

/**
 * What a finished Playwright child means for `maskproof run`: an interrupted run, a webServer that
 * failed, or no journey at all is a harness fault (exit 2, with its real cause); else the results.
 */
export function checkPlaywrightOutcome(exit: ChildExit, resultsFile: string): RunResults {
  let results: RunResults | undefined = existsSync(resultsFile) ? (JSON.parse(readFileSync(resultsFile, 'utf8')) as RunResults) : undefined;
  if (exit.interrupted) {
    if (!results) {
      // Playwright stopped before its reporter wrote anything: the report still says what happened.
      results = { seed: Number.NaN, recorder: '', recorderConfig: '', startedAt: new Date().toISOString(), durationMs: 0, cases: [], interrupted: true };
      writeFileAtomic(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
    } else if (!results.interrupted) {
      writeFileAtomic(resultsFile, `${JSON.stringify({ ...results, interrupted: true }, null, 2)}\n`);
    }
    throw new HarnessError(
      `the run was interrupted (${exit.interrupted}) after ${results.cases.length} journey row(s); ${shown(resultsFile)} says "interrupted": true`,
      'Run it again to the end: an interrupted run proves nothing about the journeys that did not finish.',
    );
  }
  // A browser that crashed leaves Playwright errors of its own: the CLI names the crash instead (runExitCode).
  if (results?.errors?.length && !results.browserCrashed) throw serverError(results.errors, results.serverOutput ?? []);
  if (!results) {
    const full = diskFull(dirname(resultsFile));
    if (full) throw new HarnessError(`the report directory ${shown(dirname(resultsFile))} is full (${full}): the run could not write its results`, 'Free space on that disk, or pass --report with a directory on a disk that has room (a run writes a few MB: recordings and screenshots).');
    throw new MaskproofError(
      `Playwright exited with code ${exit.code} before writing ${resultsFile}`,
      'Read the Playwright output above: the app server or the browser likely failed to start.',
      2,
    );
  }
  if (results.cases.length === 0) {
    throw new MaskproofError('no journey ran', 'Check --project and any Playwright filter you passed after --.', 2);
  }
  return results;
}

/** A Playwright error outside any journey, with the app server's own last output: the real cause, not "no journey ran". */
export function serverError(errors: string[], output: string[]): HarnessError {
  const error = errors[0]!.replace(/^Error:\s*/, '');
  const server = errors.some((e) => /webServer|is already used/.test(e));
  const lines = output.map((l) => l.replace(/^\[WebServer\]\s*/, ''));
  const said = lines.length ? `; it printed: ${lines.slice(-3).join(' | ')}` : '; it printed nothing';
  if (!server) return new HarnessError(`Playwright failed before any journey: ${error}`, 'Read the Playwright output above.');
  const inUse = lines.some((l) => /EADDRINUSE|address already in use/i.test(l)) || /is already used/.test(error);
  const timedOut = /Timed out waiting/.test(error);
  const hint = inUse
    ? 'Its port is taken: stop what holds it, or let the server pick a free port (--port 0) and capture it with wait.stdout.'
    : timedOut
    ? 'It never printed what webServer.wait waits for (or its url never answered): fix the wait pattern, or the server; run the command by hand to see.'
    : 'Run the webServer command by hand to see it fail; the last 20 lines it printed are in results.json "serverOutput".';
  return new HarnessError(`the app server (webServer) failed: ${error}${said}`, hint);
}

/** Less than 1 MiB left where the report goes: "N KiB free", else undefined (also when it cannot be told). */
export function diskFull(dir: string, statfs: (path: string) => { bavail: number; bsize: number } = statfsSync): string | undefined {
  try {
    const free = statfs(dir).bavail * statfs(dir).bsize;
    return free < 1024 * 1024 ? `${Math.floor(free / 1024)} KiB free` : undefined;
  } catch {
    return undefined;
  }
}
