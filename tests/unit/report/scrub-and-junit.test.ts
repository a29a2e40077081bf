import { describe, expect, it } from 'vitest';
import { createScrubber } from '../../../src/report/html/scrub.ts';
import { renderJunit, xmlEscape } from '../../../src/report/junit.ts';
import type { RunResults } from '../../../src/report/results.ts';

const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJqYW5lQGV4YW1wbGUuY29tIn0.c2lnbmF0dXJlLXZhbHVl';
const scrub = createScrubber([
  { kind: 'token', value: token, label: 'session › auth token' },
  { kind: 'email', value: 'jane.roe@example.com', label: 'person › email' },
  { kind: 'cvv', value: '482', label: 'person › card CVV' },
]);

describe('createScrubber: planted values out of anything the report prints', () => {
  it('redacts a token in a URL, plain and URL-encoded, and an email in JSON', () => {
    expect(scrub(`/api/orders?token=${token}&page=1`)).not.toContain(token);
    expect(scrub(`/api/orders?token=${token}&page=1`)).toMatch(/^\/api\/orders\?token=\S*•\S*&page=1$/);
    expect(scrub(`/api/track?email=${encodeURIComponent('jane.roe@example.com')}`)).not.toMatch(/jane\.roe%40example\.com/i);
    expect(scrub('{"email":"JANE.ROE@example.com"}')).not.toMatch(/jane\.roe@example\.com/i);
  });

  it('a short value only as a whole token', () => {
    expect(scrub('cvv 482 entered')).not.toContain('482');
    // Near miss: the same digits inside another number stay.
    expect(scrub('order 14821 took 1482 ms')).toBe('order 14821 took 1482 ms');
  });

  it('leaves text without planted values untouched', () => {
    expect(scrub('field #email recorded unmasked input in 1 events, last: ja•••@•••.com')).toBe('field #email recorded unmasked input in 1 events, last: ja•••@•••.com');
  });
});

const results: RunResults = {
  seed: 3,
  recorder: 'leaky',
  recorderKind: 'rrweb',
  recorderConfig: 'fixtures/recorders/leaky.json',
  startedAt: '2026-05-04T09:30:00.000Z',
  durationMs: 9000,
  cases: [
    { id: 'pii-form-submit', journey: 'PII form submit', expected: 'fields show ****', project: 'desktop', status: 'fail', reasons: ['field #email recorded <unmasked> input & "more"', `token ${token} in a URL`], durationMs: 1500, findings: [], details: {} },
    { id: 'admin-route', journey: 'admin route', expected: 'no replay generated', project: 'desktop', status: 'inapplicable', reasons: ['no route blocking'], durationMs: 900, findings: [], details: {} },
    { id: 'auth-token', journey: 'authentication token', expected: 'token stripped', project: 'desktop', status: 'pass', reasons: [], durationMs: 800, findings: [], details: {} },
  ],
};

const withError: RunResults = {
  ...results,
  cases: [...results.cases, { id: 'rage-click', journey: 'rage click', expected: 'captured', project: 'desktop', status: 'error', reasons: ['harness error: the journey\'s page /app answered HTTP 500'], durationMs: 700, findings: [], details: {} }],
};

describe('renderJunit', () => {
  const xml = renderJunit(results, scrub);

  it('one testcase per row: a failure with every reason, an unproven (N/A) row a failure too, a pass empty', () => {
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('<testsuites name="maskproof" tests="3" failures="2" errors="0" skipped="0" time="9.000">');
    expect(xml).toContain('<failure type="privacy" message="field #email recorded &lt;unmasked&gt; input &amp; &quot;more&quot;">');
    // Never <skipped>: a CI tab shows a skip as harmless, and an unproven row is not green.
    expect(xml).not.toContain('<skipped');
    expect(xml).toContain('<failure type="unproven" message="not proven: no route blocking">');
    expect(xml).toMatch(/<testcase classname="maskproof.auth-token" name="authentication token \[desktop\]: token stripped" time="0.800"><\/testcase>/);
    expect(xml).toContain('<property name="seed" value="3"/>');
  });

  it('a harness error is an <error>, counted in errors, not a privacy failure', () => {
    const errored = renderJunit(withError, scrub);
    expect(errored).toContain('tests="4" failures="2" errors="1" skipped="0"');
    expect(errored).toMatch(/<testcase classname="maskproof.rage-click"[^>]*>\n\s*<error type="harness" message="harness error: the journey&apos;s page \/app answered HTTP 500">/);
    expect(errored.match(/<failure /g)).toHaveLength(2);
  });

  it('a planted value that slipped into a reason is redacted', () => {
    expect(xml).not.toContain(token);
  });

  it('xmlEscape drops characters XML cannot hold', () => {
    expect(xmlEscape('a\u0000b\u001bc')).toBe('abc');
  });
});
