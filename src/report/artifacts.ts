import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportDir } from './paths.ts';

/**
 * Playwright's own artifacts hold raw planted values: `error-context.md` (a page snapshot with the typed
 * values), `trace.zip` (network bodies and headers, the auth token included) and their copies in its HTML
 * report. They stay out of the report folder (which CI uploads) unless MASKPROOF_PLAYWRIGHT_ARTIFACTS=1.
 */
export function playwrightArtifactsKept(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.MASKPROOF_PLAYWRIGHT_ARTIFACTS === '1';
}

/**
 * Playwright's outputDir: <report>/test-results when artifacts are kept, else a private directory per
 * report directory under the system temp dir (deleted after the run). One per report directory either
 * way, so two runs into different --report directories never clean each other's test-results.
 */
export function playwrightOutputDir(env: NodeJS.ProcessEnv = process.env): string {
  const dir = reportDir(env);
  if (playwrightArtifactsKept(env)) return join(dir, 'test-results');
  return join(tmpdir(), `maskproof-test-results-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`);
}

/** Playwright's HTML report, only when artifacts are kept: <report>/playwright-report. */
export function playwrightHtmlDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(reportDir(env), 'playwright-report');
}
