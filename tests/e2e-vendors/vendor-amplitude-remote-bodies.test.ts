import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CliRun, runCliPool } from '../helpers/run-cli.ts';
import { expectRow, rows } from '../helpers/vendor-rows.ts';

/**
 * Amplitude's remote network body capture, live (@amplitude/session-replay-browser 1.51.6), on the PII
 * row: amplitude-conservative (all masked) passes it; amplitude-remote-bodies has the same code, and the
 * remote config the harness serves turns network logging on with request and response bodies, so the
 * checkout's POST body (the whole form as JSON) is in the recording.
 */
const pii = ['--seed', '7', '--', '--grep', '@pii-form-submit'];
let conservative: CliRun, bodies: CliRun;

beforeAll(async () => {
  const runs = await runCliPool([
    ['run', '--recorder', 'fixtures/recorders/amplitude-conservative.json', ...pii],
    ['run', '--recorder', 'fixtures/recorders/amplitude-remote-bodies.json', ...pii],
  ]);
  [conservative, bodies] = runs as [CliRun, CliRun];
});

describe('Amplitude remote body capture, served by the harness to the real SDK', () => {
  it('amplitude-conservative passes the PII form; the same code with remote body capture fails it on the fetch-request bodies', () => {
    expect(conservative.status, conservative.stdout + conservative.stderr).toBe(0);
    expectRow(rows(conservative.results)['pii-form-submit'], 'pass');

    expect(bodies.status, bodies.stdout + bodies.stderr).toBe(1);
    const body = /^planted person › (full name|card number|password) found in Custom:fetch-request #\d+ at data\.payload\.(requestBody|responseBody)/;
    // Masking is the code's 'conservative': no field is unmasked in the DOM events.
    expectRow(rows(bodies.results)['pii-form-submit'], 'fail', [body], [/recorded unmasked input/, /not in the recording/, /no recorder traffic/]);
    expect(bodies.results?.recorderSettings?.find((s) => s.label === 'Network')?.value).toMatch(/BODIES recorded: request whole, response whole$/);
    const { canaries } = JSON.parse(readFileSync(join(bodies.reportDir, 'canaries.json'), 'utf8')) as { canaries: { value: string }[] };
    for (const { value } of canaries) if (value.length > 6) expect(bodies.stdout).not.toContain(value);
  });
});
