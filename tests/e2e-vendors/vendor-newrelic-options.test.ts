import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Evidence } from '../../src/fixture/index.ts';
import { type CliRun, runCliPool } from '../helpers/run-cli.ts';
import { journeyFiles } from '../helpers/evidence.ts';
import { expectRow, rows } from '../helpers/vendor-rows.ts';

/**
 * New Relic browser agent 1.322.0 options, live: obfuscate rules (a RegExp scrubs the name the account
 * page throws from /jserrors, the same pattern as a string does nothing), session_replay.autoStart false
 * (nothing recorded without the start API), and the RUM answer's error-only mode srs 2 (the replay
 * is sent only once an error is thrown).
 */
let obfuscated: CliRun, obfuscateString: CliRun, deferred: CliRun, errorMode: CliRun;

const evidenceOf = (run: CliRun, id: keyof typeof journeyFiles) => JSON.parse(readFileSync(join(run.reportDir, 'recordings', `${journeyFiles[id]}.evidence.json`), 'utf8')) as Evidence;
const kindsOf = (evidence: Evidence) => new Set(evidence.recording.ingests.map((i) => (i.metadata as { kind?: string } | undefined)?.kind));

beforeAll(async () => {
  const runs = await runCliPool([
    ['run', '--recorder', 'fixtures/recorders/newrelic-obfuscated.json', '--seed', '7', '--', '--grep', '@rage-click'],
    ['run', '--recorder', 'fixtures/recorders/newrelic-obfuscate-leaky.json', '--seed', '7', '--', '--grep', '@rage-click'],
    ['run', '--recorder', 'fixtures/recorders/newrelic-autostart-off.json', '--seed', '7', '--', '--grep', '@pii-form-submit'],
    ['run', '--recorder', 'fixtures/recorders/newrelic-error-mode.json', '--seed', '7', '--', '--grep', '@pii-form-submit|@rage-click'],
  ]);
  [obfuscated, obfuscateString, deferred, errorMode] = runs as [CliRun, CliRun, CliRun, CliRun];
});

describe('New Relic obfuscate rules, live', () => {
  it('a RegExp rule on the thrown message: rage-click PASSES, the six errors still sent, the name nowhere', () => {
    expect(obfuscated.status, obfuscated.stdout + obfuscated.stderr).toBe(0);
    const row = rows(obfuscated.results)['rage-click']!;
    expectRow(row, 'pass');
    expect(row.details.errorsRecorded).toBe(6);
    expect(JSON.stringify(evidenceOf(obfuscated, 'rage-click').recording.ingests)).toContain('Payment failed for [customer] (attempt 6)');
  });

  it('the same pattern written as a string: replaced literally, never found, so the name is in /jserrors (FAIL, as newrelic-default)', () => {
    expect(obfuscateString.status, obfuscateString.stdout + obfuscateString.stderr).toBe(1);
    expectRow(rows(obfuscateString.results)['rage-click'], 'fail', [/^planted person › full name found in Custom:newrelic\/jserrors #\d+ at data\.payload\.payload\.body\.err\[0\]\.params\.message/]);
  });
});

describe('New Relic replay start and error-only mode, live', () => {
  it('autoStart false: no replay is sent (the agent’s other beacons still are); the row fails, never green', () => {
    expect(deferred.status, deferred.stdout + deferred.stderr).toBe(1);
    const evidence = evidenceOf(deferred, 'pii-form-submit');
    expect(evidence.recording.events).toHaveLength(0);
    expect(kindsOf(evidence).has('SessionReplay')).toBe(false);
    expect(kindsOf(evidence).has('rum')).toBe(true);
    expectRow(rows(deferred.results)['pii-form-submit'], 'fail', [/^field #full-name is not in the recording/]);
  });

  it('srs 2: a journey without an error sends no replay; the erroring one sends the replay of its page once the button throws', () => {
    expect(errorMode.status, errorMode.stdout + errorMode.stderr).toBe(1);
    const pii = evidenceOf(errorMode, 'pii-form-submit');
    expect(pii.recording.events).toHaveLength(0);
    expect(kindsOf(pii).has('SessionReplay')).toBe(false);
    const rage = evidenceOf(errorMode, 'rage-click');
    expect(kindsOf(rage).has('SessionReplay')).toBe(true);
    // /login threw nothing: its buffered replay is never sent; /account's is, from its start.
    expect(new Set(rage.recording.events.map((e) => new URL((e as unknown as { pageUrl: string }).pageUrl).pathname))).toEqual(new Set(['/account']));
    const row = rows(errorMode.results)['rage-click']!;
    expect(row.details.errorsRecorded).toBe(6);
    expect(row.details.clicksRecorded as number).toBeGreaterThanOrEqual(6);
  });
});
