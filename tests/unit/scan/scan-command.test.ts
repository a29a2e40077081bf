import { rmSync } from 'node:fs';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { renderFindings, runScan, summaryLine } from '../../../src/cli/scan-command.ts';
import type { Finding } from '../../../src/detect/types.ts';
import { sampleEvents, tempDir, writeRecording, writeText } from './helpers.ts';

const CARD = '4141 3356 5145 9655';
const EMAIL = 'merritt_flatley@yahoo.com';

let stdout: MockInstance;
let stderr: MockInstance;
const out = () => stdout.mock.calls.map((c) => c.join(' ')).join('\n');
const err = () => stderr.mock.calls.map((c) => c.join(' ')).join('\n');

beforeEach(() => {
  // Capture what the command prints; the engine itself is the real one.
  stdout = vi.spyOn(console, 'log').mockImplementation(() => {});
  stderr = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

describe('maskproof scan', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const canaries = writeText(dir, 'canaries.json', JSON.stringify({ canaries: [{ kind: 'card', value: CARD, label: 'checkout › card number' }] }));
  const leaky = writeRecording(dir, 'leaky.json', sampleEvents(CARD), 'array');
  const masked = writeRecording(dir, 'masked.jsonl.gz', sampleEvents('*****'), 'lines', true);

  it('exits 1 and reports a canary typed into an input, redacted, with --json', async () => {
    expect(await runScan([leaky, '--canaries', canaries, '--json', '--no-patterns'])).toBe(1);
    expect(stdout).toHaveBeenCalledTimes(1);
    const report = JSON.parse(out());
    expect(Object.keys(report).sort()).toEqual(['bytesScanned', 'eventsScanned', 'findings']);
    expect(report.eventsScanned).toBe(5);
    expect(report.bytesScanned).toBe(sampleEvents(CARD).reduce((n: number, e) => n + Buffer.byteLength(JSON.stringify(e)), 0));
    expect(report.findings).toEqual([
      expect.objectContaining({ detector: 'canary', kind: 'card', eventIndex: 2, eventType: 3, eventSource: 5, path: 'data.text', encoding: 'plain', label: 'checkout › card number' }),
    ]);
    expect(report.findings[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(out()).not.toContain(CARD);
    expect(out()).not.toContain(CARD.replaceAll(' ', ''));
    expect(err()).toBe('');
  });

  it('exits 0 when the same input was masked', async () => {
    expect(await runScan([masked, '--canaries', canaries, '--json'])).toBe(0);
    expect(JSON.parse(out())).toEqual({ findings: [], eventsScanned: 5, bytesScanned: expect.any(Number) });
  });

  it('prints a table grouped by detector and a summary line, never the found values', async () => {
    const both = writeRecording(dir, 'both.json', [...sampleEvents(CARD), { type: 3, timestamp: 2000, data: { source: 5, id: 8, text: EMAIL, isChecked: false } }], 'array');
    expect(await runScan([both, '--canaries', canaries])).toBe(1);
    const text = out();
    expect(text).toMatch(/^canary \(1\)/m);
    expect(text).toMatch(/^email \(1\)/m);
    expect(text).toMatch(/#2 +Incremental\/Input +data\.text +plain +•+ 9655/);
    expect(text).toMatch(/^2 findings in 6 events \(\d+ B\): canary 1, email 1$/m);
    expect(text).not.toContain(CARD);
    expect(text).not.toContain(EMAIL);
  });

  it('--no-patterns leaves unplanted personal data alone; an allow-list silences a known value', async () => {
    const emailOnly = writeRecording(dir, 'email.json', sampleEvents(EMAIL), 'array');
    expect(await runScan([emailOnly])).toBe(1);
    expect(await runScan([emailOnly, '--no-patterns'])).toBe(0);
    const allow = writeText(dir, 'allow.json', JSON.stringify({ values: [EMAIL.toUpperCase()], patterns: ['[a-z_]+@yahoo\\.com'] }));
    expect(await runScan([emailOnly, '--allow', allow])).toBe(0);
    expect(out()).toMatch(/0 findings in 5 events/);
  });

  it('exits 2 on bad usage, printing the reason on stderr and nothing on stdout', async () => {
    expect(await runScan([])).toBe(2);
    expect(await runScan([leaky, '--bogus'])).toBe(2);
    expect(await runScan([leaky, masked])).toBe(2);
    expect(err()).toMatch(/needs the path of a recording/);
    expect(err()).toMatch(/Unknown option '--bogus'/);
    expect(err()).toMatch(/→ Usage: maskproof scan/);
    expect(stdout).not.toHaveBeenCalled();
  });

  it('exits 2 on a bad canaries or allow file, naming the key path or the pattern', async () => {
    const badCanary = writeText(dir, 'bad-canaries.json', JSON.stringify({ canaries: [{ kind: 'card', value: CARD }, { kind: 'email', value: 42 }] }));
    expect(await runScan([leaky, '--canaries', badCanary, '--json'])).toBe(2);
    expect(err()).toMatch(/canaries\[1\]\.value must be string/);
    const unknownKey = writeText(dir, 'unknown.json', JSON.stringify({ canary: [] }));
    expect(await runScan([leaky, '--canaries', unknownKey])).toBe(2);
    expect(err()).toMatch(/unknown key "canary"|missing "canaries"/);
    const badPattern = writeText(dir, 'bad-allow.json', JSON.stringify({ patterns: ['ok', '(unclosed'] }));
    expect(await runScan([leaky, '--allow', badPattern])).toBe(2);
    expect(err()).toMatch(/patterns\[1\] "\(unclosed" does not compile/);
    expect(await runScan([leaky, '--canaries', `${dir}/missing.json`])).toBe(2);
    expect(err()).toMatch(/canaries file not found/);
    expect(stdout).not.toHaveBeenCalled();
  });

  it('exits 2 on a malformed recording, naming the event, with nothing on stdout even with --json', async () => {
    const [a] = sampleEvents().map((e) => JSON.stringify(e));
    const broken = writeText(dir, 'broken.json', `[${a},{"type":3,"timestamp":1,"data":{"source":5,"text":"${CARD}"}`);
    expect(await runScan([broken, '--canaries', canaries, '--json'])).toBe(2);
    expect(err()).toMatch(/broken\.json: ends in the middle of event 1/);
    expect(stdout).not.toHaveBeenCalled();
  });
});

describe('scan output formatting', () => {
  const finding = (detector: Finding['detector'], path = 'data.text'): Finding => ({
    detector, kind: detector, eventIndex: 9, eventType: 2, path, encoding: 'plain', redacted: 'jo•••', sha256: '0'.repeat(64),
  });

  it('summarises counts per detector with thousands separators and a readable size', () => {
    const report = { findings: [finding('canary'), finding('email'), finding('canary')], eventsScanned: 1204, bytesScanned: 2.1 * 1024 * 1024 };
    expect(summaryLine(report)).toBe('3 findings in 1,204 events (2.1 MB): canary 2, email 1');
    expect(summaryLine({ findings: [], eventsScanned: 1, bytesScanned: 10 })).toBe('0 findings in 1 event (10 B)');
  });

  it('truncates long paths from the left, keeping the leaf', () => {
    const path = `data.node${'.childNodes[0]'.repeat(12)}.textContent`;
    const table = renderFindings([finding('canary', path)], 40);
    expect(table).toContain(`…${path.slice(-39)}`);
    expect(table).not.toContain(path);
    expect(table).toMatch(/#9 +FullSnapshot/);
  });
});
