import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCliPool } from '../helpers/run-cli.ts';
import { expectRow, rows } from '../helpers/vendor-rows.ts';

/**
 * Mixpanel's remote settings, live (mixpanel-browser 2.83.0): with remote_settings_mode set, the SDK
 * asks GET {api_host}/settings/ before it records, and the harness answers from the recorder config's
 * remoteSettings. mixpanel-remote-bodies has mixpanel-default's code; its remote settings turn network
 * bodies on, and the checkout's POST body carries the whole form. A third run, 'strict' with nothing
 * set remotely, shows the SDK recording nothing, reported as a failure, never green. PII row only.
 */
const pii = ['--seed', '7', '--', '--grep', '@pii-form-submit'];
const runs: Record<'defaults' | 'remote' | 'strict', CliRun> = {} as never;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'maskproof-mixpanel-strict-'));
  const strict = join(dir, 'mixpanel-strict-nothing.json');
  writeFileSync(strict, JSON.stringify({ name: 'mixpanel-strict-nothing', recorder: 'mixpanel', options: { remote_settings_mode: 'strict' } }));
  const [defaults, remote, strictRun] = await runCliPool([
    ['run', '--recorder', 'fixtures/recorders/mixpanel-default.json', ...pii],
    ['run', '--recorder', 'fixtures/recorders/mixpanel-remote-bodies.json', ...pii],
    ['run', '--recorder', strict, ...pii],
  ]);
  Object.assign(runs, { defaults, remote, strict: strictRun });
});

describe('Mixpanel remote settings, served by the harness to the real SDK', () => {
  it('mixpanel-default passes the PII form; mixpanel-remote-bodies (same code) fails it on the network bodies its remote settings turn on', () => {
    const { defaults, remote } = runs;
    expect(defaults.status, defaults.stdout + defaults.stderr).toBe(0);
    expectRow(rows(defaults.results)['pii-form-submit'], 'pass');

    expect(remote.status, remote.stdout + remote.stderr).toBe(1);
    const body = /^planted person › (full name|card number|password) found in Plugin #\d+ at data\.payload\.requests\[\d+\]\.(requestBody|responseBody)/;
    // The remote side cannot reach masking: every field is still **** in the DOM events.
    expectRow(rows(remote.results)['pii-form-submit'], 'fail', [body], [/recorded unmasked input/, /not in the recording/, /no recorder traffic/]);
    const remoteLine = remote.results?.recorderSettings?.find((s) => s.label === 'Remote settings');
    expect(remoteLine?.value).toMatch(/^fetched before recording \(remote_settings_mode fallback\); the server's record_network, record_network_options win over the page's/);
    // Nothing planted is printed, whatever the SDK sent.
    const { canaries } = JSON.parse(readFileSync(join(remote.reportDir, 'canaries.json'), 'utf8')) as { canaries: { value: string }[] };
    for (const { value } of canaries) if (value.length > 6) expect(remote.stdout).not.toContain(value);
  });

  it("'strict' with nothing set remotely: the SDK records nothing, and the row fails saying the fields are not in the recording", () => {
    const { strict } = runs;
    expect(strict.status, strict.stdout + strict.stderr).toBe(1);
    expectRow(rows(strict.results)['pii-form-submit'], 'fail', [/^field #full-name is not in the recording/]);
    expect(strict.results?.recorderSettings?.find((s) => s.label === 'Sessions recorded')?.value).toMatch(/^NONE/);
  });
});
