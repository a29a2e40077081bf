import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CaseResult, RunResults } from '../../src/report/results.ts';
import { type CliRun, runCliAsync } from './run-cli.ts';

/** The rows of a run by case id. */
export function rows(results: RunResults | undefined): Record<string, CaseResult> {
  return Object.fromEntries((results?.cases ?? []).map((c) => [c.id, c]));
}

/** The row's verdict: its status, every `must` reason present, no `mustNot` reason. */
export function expectRow(row: CaseResult | undefined, status: CaseResult['status'], must: RegExp[] = [], mustNot: RegExp[] = []): void {
  expect(row, 'row missing').toBeDefined();
  const reasons = row!.reasons;
  expect(row!.status, `${row!.id}: ${JSON.stringify(reasons)}`).toBe(status);
  if (status === 'pass') expect(reasons, row!.id).toEqual([]);
  for (const pattern of must) expect(reasons.some((r) => pattern.test(r)), `${row!.id} reasons ${JSON.stringify(reasons)} should match ${pattern}`).toBe(true);
  for (const pattern of mustNot) expect(reasons.some((r) => pattern.test(r)), `${row!.id} reasons ${JSON.stringify(reasons)} should not match ${pattern}`).toBe(false);
}

/** One `maskproof run` of fixtures/recorders/<config>.json; the harness never prints a planted value, whatever the SDK sent. */
export async function runRecorderConfig(config: string): Promise<CliRun> {
  const result = await runCliAsync(['run', '--recorder', `fixtures/recorders/${config}.json`, '--seed', '7']);
  const canaries = JSON.parse(readFileSync(join(result.reportDir, 'canaries.json'), 'utf8')) as { canaries: { value: string }[] };
  for (const canary of canaries.canaries) expect(result.stdout.includes(canary.value), 'stdout leaks a canary').toBe(false);
  return result;
}

/** A vendor's default and leaky configs, run side by side (both cores), as one e2e test's inputs. */
export function runDefaultAndLeaky(vendor: string): Promise<[CliRun, CliRun]> {
  return Promise.all([runRecorderConfig(`${vendor}-default`), runRecorderConfig(`${vendor}-leaky`)]);
}
