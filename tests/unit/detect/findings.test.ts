import { describe, expect, it } from 'vitest';
import { createScanner, redact, scanEvents, sha256 } from '../../../src/detect/index.ts';
import type { Canary } from '../../../src/detect/types.ts';
import { appError, checkoutForm, click, el, fullSnapshot, input, meta, network, text } from './rrweb-events.ts';

const canaries: Canary[] = [
  { kind: 'fullName', value: 'Merritt Flatley', label: 'checkout › full name' },
  { kind: 'email', value: 'merritt_flatley@yahoo.com', label: 'checkout › email' },
  { kind: 'card', value: '4141 3356 5145 9655', label: 'checkout › card number' },
  { kind: 'ssn', value: '536-22-1234', label: 'profile › SSN' },
  { kind: 'password', value: 'hunter2-Correct-Horse', label: 'login › password' },
  { kind: 'token', value: 'sess_9f8e7d6c5b4a39281706f5e4', label: 'session cookie' },
];

/** A recording that leaks every canary somewhere, in several encodings, plus unplanted data. */
function leakyRecording(): unknown[] {
  return [
    meta('https://shop.example/checkout?email=merritt_flatley%40yahoo.com'),
    fullSnapshot([checkoutForm([el('p', {}, [text('Hello Merritt Flatley')])]), el('footer', {}, [text('Call (415) 555-2671 or write to help@shop.example')])]),
    input(12, '4141335651459655'),
    input(13, 'hunter2-Correct-Horse'),
    click(13),
    network({ url: '/api/profile', method: 'POST', headers: { cookie: 'sid=sess_9f8e7d6c5b4a39281706f5e4' }, body: JSON.stringify({ ssn: '536-22-1234', card: '4111 1111 1111 1111' }) }),
    network({ url: '/api/track', body: Buffer.from('{"who":"merritt_flatley@yahoo.com"}').toString('base64') }),
    appError('validation failed for MERRITT FLATLEY'),
  ];
}

describe('findings: where, how, and never the value itself', () => {
  it('each finding says which event, which event type and source, which path and node', () => {
    const findings = scanEvents(leakyRecording(), { canaries });
    const summary = findings.map((f) => `${f.eventIndex}/${f.eventType}/${f.eventSource ?? '-'} ${f.detector}:${f.kind} ${f.encoding} ${f.path} #${f.nodeId ?? '-'}`);
    expect(summary).toContain('0/4/- canary:email url data.href #-');
    expect(summary).toContain('2/3/5 canary:card digits data.text #12');
    expect(summary).toContain('3/3/5 canary:password plain data.text #13');
    expect(summary).toContain('5/5/- canary:token plain data.payload.request.headers.cookie #-');
    expect(summary).toContain('5/5/- canary:ssn plain data.payload.request.body #-');
    expect(summary).toContain('5/5/- card:visa plain data.payload.request.body #-');
    expect(summary).toContain('6/5/- canary:email base64 data.payload.request.body #-');
    expect(summary).toContain('7/5/- canary:fullName case data.payload.message #-');
    expect(summary.filter((line) => line.startsWith('1/2/- '))).toEqual([
      expect.stringMatching(/^1\/2\/- canary:fullName plain data\.node\.childNodes\[1\]\.childNodes\[1\]\.childNodes\[0\]\.childNodes\[\d+\]\.childNodes\[0\]\.textContent #\d+$/),
      expect.stringMatching(/^1\/2\/- email:email plain .*textContent #\d+$/),
      expect.stringMatching(/^1\/2\/- phone:phone plain .*textContent #\d+$/),
    ]);
    // The planted SSN is a canary there, not also an unplanted SSN.
    expect(findings.filter((f) => f.detector === 'ssn')).toEqual([]);
    expect(findings.filter((f) => f.label === 'checkout › email').every((f) => f.detector === 'canary')).toBe(true);
  });

  it('never contains a found value: not in redacted forms, paths or the findings JSON', () => {
    const recording = leakyRecording();
    recording.push(network({ url: '/api/prefs', body: null }, { status: 200, body: { 'merritt_flatley@yahoo.com': { theme: 'dark' } } }));
    const findings = scanEvents(recording, { canaries });
    const json = JSON.stringify(findings);
    const secrets = [...canaries.map((c) => c.value), '4141335651459655', 'MERRITT FLATLEY', '4111 1111 1111 1111', '(415) 555-2671', 'help@shop.example'];
    for (const secret of secrets) expect(json, 'findings JSON').not.toContain(secret);
    for (const f of findings) {
      expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(f.redacted).toContain('•');
    }
    expect(findings.some((f) => f.path === 'data.payload.response.body["•••"]')).toBe(true);
  });

  it('the SHA-256 is of the full canary value, whichever encoding it was found in', () => {
    const findings = scanEvents(leakyRecording(), { canaries }).filter((f) => f.label === 'checkout › email');
    expect(findings.map((f) => f.encoding)).toEqual(['url', 'base64']);
    expect(new Set(findings.map((f) => f.sha256))).toEqual(new Set([sha256('merritt_flatley@yahoo.com')]));
  });

  it('redacted forms show about a third at most', () => {
    expect(redact('jane.doe@example.com', 'email')).toBe('ja•••@•••.com');
    expect(redact('4242 4242 4242 4242', 'visa')).toBe('•••• 4242');
    // Fixed width: no initial and no word length (both narrow a name down).
    expect(redact('John Doe', 'fullName')).toBe('••••••');
    expect(redact('Alexandra Montgomery-Smith', 'fullName')).toBe(redact('Al Li', 'fullName'));
    expect(redact('123-45-6789', 'ssn')).toBe('•••-••-6789');
    expect(redact('ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8', 'github-token')).toBe('ghp_•••');
    expect(redact('hunter2-Correct-Horse', 'password')).toBe('•••');
    expect(redact('616', 'cvv')).toBe('•••');
    for (const [value, kind] of [['ab@c.io', 'email'], ['Al Bo', 'fullName'], ['4111111111111111', 'card'], ['abcdefghij', 'token'], ['(415) 555-2671', 'phone']] as const) {
      const shown = redact(value, kind).replace(/[•\s.@-]/g, '');
      expect(shown.length, `${kind} ${redact(value, kind)}`).toBeLessThanOrEqual(Math.ceil(value.length / 3));
      expect(redact(value, kind)).not.toContain(value);
    }
  });

  it('allow-listed canary values never produce a finding', () => {
    const findings = scanEvents([input(1, 'Merritt Flatley'), input(2, 'merritt_flatley@yahoo.com')], { canaries, allow: { values: ['MERRITT FLATLEY'], patterns: ['.*@yahoo\\.com'] } });
    expect(findings).toEqual([]);
  });

  it('an invalid allow-list pattern is a configuration error with a hint', () => {
    expect(() => createScanner({ canaries, allow: { patterns: ['([unclosed'] } })).toThrow(expect.objectContaining({ name: 'ConfigError', hint: expect.stringContaining('allow-list') }));
  });

  it('streaming: per-event findings from scanEvent, cross-event ones from finish, and a count', () => {
    const scanner = createScanner({ canaries, patterns: false });
    expect(scanner.scanEvent(input(12, 'Merritt Flatley'), 0).map((f) => f.encoding)).toEqual(['plain']);
    expect(scanner.scanEvent(input(40, 'merritt_flat'), 1)).toEqual([]);
    expect(scanner.scanEvent(input(40, 'ley@yahoo.com'), 2)).toEqual([]);
    expect(scanner.finish().map((f) => [f.label, f.encoding, f.eventIndex])).toEqual([['checkout › email', 'split', 2]]);
    expect(scanner.eventsScanned).toBe(3);
  });

  it('events that are not objects, or not rrweb events, are counted and yield nothing', () => {
    const scanner = createScanner({ canaries });
    expect([null, 42, 'Merritt', [], { type: 99 }].flatMap((event, i) => scanner.scanEvent(event, i))).toEqual([]);
    expect(scanner.eventsScanned).toBe(5);
  });
});
