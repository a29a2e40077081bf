import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
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
  if (results?.errors?.length) {
    const output = results.serverOutput?.length ? ` · its last output: ${results.serverOutput.slice(-3).join(' | ')}` : '';
    const server = results.errors.some((e) => /webServer|is already used/.test(e));
    throw new HarnessError(
      `${server ? 'the app server failed: ' : 'Playwright failed: '}${results.errors[0]}${output}`,
      server ? 'Fix the webServer command (run it by hand to see it start), its wait pattern or its port; the full output is in results.json "serverOutput".' : 'Read the Playwright output above.',
    );
  }
  if (!results) {
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
