import { EventType } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { runExitCode } from '../../../src/cli/run-command.ts';
import { rowStatus } from '../../../src/collect/privacy-reporter.ts';
import { HARNESS_ERROR_TITLE, type Artifacts, type AuditResult } from '../../../src/verdict/audit.ts';
import { recordedCredentials } from '../../../src/verdict/credentials.ts';
import { audits, runPrivacyAudit } from '../../../src/verdict/index.ts';
import { loadEvidence } from '../../helpers/evidence.ts';

/** Re-runs an audit on evidence captured from a real run (seed 7), after `change`. */
function verdict(config: string, id: Parameters<typeof loadEvidence>[1], change?: (artifacts: Artifacts) => void) {
  const { artifacts, options } = loadEvidence(config, id);
  change?.(artifacts);
  return runPrivacyAudit(id, artifacts, options as never);
}

/** Adds a custom event to the recording, as a recorder would have written it. */
function addEvent(artifacts: Artifacts, tag: string, payload: unknown): void {
  const last = artifacts.recording.events.at(-1)!;
  artifacts.recording.events.push({ ...last, event: { type: EventType.Custom, timestamp: last.event.timestamp + 1, data: { tag, payload } } as never });
}

// Data from a staging database: nothing the journey planted.
const stagingEmail = 'margaret.hollis@northwind-staging.com';
const serverToken = 'acme_live_7Hq2xVbN4kPz9LmW3sT8';

describe('personal data nobody planted fails the row (every row runs the pattern detectors)', () => {
  it('passes on the clean recording', () => {
    const result = verdict('safe', 'rage-click');
    expect(result.status).toBe('pass');
    expect(result.findings).toEqual([]);
  });

  it('fails on an unplanted email and a JWT in recorded text, redacted, naming the event', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';
    const result = verdict('safe', 'rage-click', (a) => addEvent(a, 'app/user-table', { rows: [`${stagingEmail} · ${jwt}`] }));
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^unplanted email found in Custom:app\/user-table #\d+ at data\.payload\.rows\[0\]: ma•••@•••\.com/), expect.stringMatching(/^unplanted jwt/)]));
    expect(result.reasons.join('\n')).not.toContain(stagingEmail);
    expect(result.reasons.join('\n')).not.toContain(jwt);
  });

  it('a value on the config allow list is not reported', () => {
    const result = verdict('safe', 'rage-click', (a) => {
      addEvent(a, 'app/footer', { text: `Contact ${stagingEmail}` });
      a.allow = { values: [stagingEmail] };
    });
    expect(result.status).toBe('pass');
  });
});

describe('auth token row: the server-issued token, not only the planted one', () => {
  it('passes on the clean recording (token scrubbed as [Filtered])', () => {
    expect(verdict('safe', 'auth-token').status).toBe('pass');
  });

  it('fails on an opaque server token in a recorded Authorization header and ?token= query', () => {
    const result = verdict('safe', 'auth-token', (a) =>
      addEvent(a, 'maskproof/network', {
        method: 'GET',
        url: `http://127.0.0.1:4173/api/orders?token=${serverToken}&page=1`,
        status: 200,
        request: { headers: { authorization: `Bearer ${serverToken}` } },
        response: { headers: { 'content-type': 'application/json' } },
      }),
    );
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/credential authorization recorded unscrubbed .*request\.headers\.authorization: Bear•••/), expect.stringMatching(/credential \?token= recorded unscrubbed .*data\.payload\.url/)]));
    expect(result.reasons.join('\n')).not.toContain(serverToken);
  });

  it('credential detector: session cookies and JSON body fields found, scrubbed and short values not', () => {
    const event = (payload: unknown) => ({ type: EventType.Custom, timestamp: 1, data: { tag: 'maskproof/network', payload } }) as never;
    const found = recordedCredentials([
      event({ url: '/a?token=%5BFiltered%5D&page=1', request: { cookies: `theme=dark; session_id=${serverToken}`, body: JSON.stringify({ password: 'correct horse battery', remember: true }) } }),
      event({ url: '/b?sig=1', request: { headers: { authorization: '[Filtered]', 'x-api-key': '***' } } }),
    ]);
    expect(found.map((f) => f.kind).sort()).toEqual(['cookie session_id', 'password']);
  });
});

describe('harness errors are errors: never a pass, never worded as a leak', () => {
  it('a journey page that answered HTTP 500 makes the row "error" with the harness error title', () => {
    const result = verdict('safe', 'pii-form-submit', (a) => (a.harnessErrors = ["the journey's page /checkout answered HTTP 500, so what was recorded there proves nothing"]));
    expect(result.status).toBe('error');
    expect(result.title).toBe(HARNESS_ERROR_TITLE);
    expect(result.title).not.toMatch(/personal data|leak/i);
    expect(result.reasons[0]).toMatch(/^harness error: the journey's page \/checkout answered HTTP 500/);
  });

  it('a payload that did not decode makes the row "error", naming why', () => {
    const result = verdict('safe', 'rage-click', (a) => (a.recording.malformedPayloads = [{ payload: { bytes: 12 }, why: 'sentry: envelope without a header line' }]));
    expect(result.status).toBe('error');
    expect(result.reasons).toContain('harness error: a recorder payload could not be decoded, so what it carried was not checked: sentry: envelope without a header line');
  });

  it('a proven leak still fails, whatever else broke', () => {
    const result = verdict('leaky', 'pii-form-submit', (a) => (a.harnessErrors = ['visual proof at "form filled" could not be made: page closed']));
    expect(result.status).toBe('fail');
    expect(result.reasons[0]).toMatch(/^harness error: visual proof/);
  });

  const verdictOf = (status: AuditResult['status']) => ({ id: 'rage-click', title: 't', options: {}, status, reasons: status === 'pass' ? [] : ['why'], findings: [], details: {} }) as AuditResult;
  it('a test that crashed, passed without an audit, or failed after a passing audit is an error row', () => {
    expect(rowStatus(undefined, { status: 'failed', errors: [{ message: 'locator.click: Timeout 30000ms exceeded' }] })).toEqual({ status: 'error', reasons: ['harness error: journey did not complete: locator.click: Timeout 30000ms exceeded'] });
    expect(rowStatus(undefined, { status: 'passed', errors: [] }).status).toBe('error');
    expect(rowStatus(verdictOf('pass'), { status: 'failed', errors: [{ message: 'teardown failed' }] }).status).toBe('error');
    expect(rowStatus(verdictOf('fail'), { status: 'failed', errors: [] })).toEqual({ status: 'fail', reasons: ['why'] });
    expect(rowStatus(verdictOf('pass'), { status: 'passed', errors: [] })).toEqual({ status: 'pass', reasons: [] });
  });

  it('exit codes: 0 all pass, 1 a leak (wins over errors) or unproven, 2 a harness error alone', () => {
    const rows = (...statuses: AuditResult['status'][]) => ({ cases: statuses.map((status) => ({ status, reasons: ['r'] })) as never });
    expect(runExitCode(rows('pass', 'pass'))).toBe(0);
    expect(runExitCode(rows('pass', 'fail', 'error'))).toBe(1);
    expect(runExitCode(rows('pass', 'inapplicable'))).toBe(1);
    expect(runExitCode(rows('pass', 'error'))).toBe(2);
    // Chromium died mid-run: a harness fault (exit 2, thrown with its next step) unless a row that ran proved a leak.
    const crashed = { cases: [{ id: 'auth-token', project: 'desktop', status: 'error', reasons: ['r'] }, { id: 'admin-route', project: 'desktop', status: 'pass', reasons: [] }] as never, browserCrashed: true, browser: 'Chromium 156' };
    expect(() => runExitCode(crashed)).toThrow(/the browser \(Chromium 156\) crashed or was killed during the run: 1 row could not be checked \(auth-token \[desktop\]\)/);
    expect(() => runExitCode({ ...crashed, browserCrashed: undefined })).not.toThrow();
    expect(runExitCode({ ...rows('fail', 'error'), browserCrashed: true })).toBe(1);
  });
});
