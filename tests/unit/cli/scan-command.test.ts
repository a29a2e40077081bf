import { rmSync } from 'node:fs';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { renderFindings, runScan, summaryLine } from '../../../src/cli/scan-command.ts';
import { type ScanReport, scanRecording } from '../../../src/scan/scan-recording.ts';
import type { Finding } from '../../../src/detect/types.ts';
import { sampleEvents, tempDir, writeRecording, writeText } from '../scan/helpers.ts';

const CARD = '4141 3356 5145 9655';
const EMAIL = 'merritt_flatley@yahoo.com';

// What the command wrote; the engine itself is the real one.
let written: { stdout: string[]; stderr: string[] };
const io = (isTTY = false) => ({
  stdout: { write: (text: string) => written.stdout.push(text) },
  stderr: { write: (text: string) => written.stderr.push(text), isTTY },
});
const out = () => written.stdout.join('');
const err = () => written.stderr.join('');
const scan = (argv: string[]) => runScan(argv, io());

beforeEach(() => {
  written = { stdout: [], stderr: [] };
});

describe('maskproof scan', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const canaries = writeText(dir, 'canaries.json', JSON.stringify({ canaries: [{ kind: 'card', value: CARD, label: 'checkout › card number' }] }));
  const leaky = writeRecording(dir, 'leaky.json', sampleEvents(CARD), 'array');
  const masked = writeRecording(dir, 'masked.jsonl.gz', sampleEvents('*****'), 'lines', true);

  it('exits 1 and reports a canary typed into an input, redacted, with --json', async () => {
    expect(await scan([leaky, '--canaries', canaries, '--json', '--no-patterns'])).toBe(1);
    expect(written.stdout).toHaveLength(1);
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
    expect(await scan([masked, '--canaries', canaries, '--json'])).toBe(0);
    expect(JSON.parse(out())).toEqual({ findings: [], eventsScanned: 5, bytesScanned: expect.any(Number) });
  });

  it('prints a table grouped by detector and a summary line, never the found values', async () => {
    const both = writeRecording(dir, 'both.json', [...sampleEvents(CARD), { type: 3, timestamp: 2000, data: { source: 5, id: 8, text: EMAIL, isChecked: false } }], 'array');
    expect(await scan([both, '--canaries', canaries])).toBe(1);
    const text = out();
    expect(text).toMatch(/^canary \(1\)/m);
    expect(text).toMatch(/^email \(1\)/m);
    expect(text).toMatch(/#2 +IncrementalSnapshot:Input +data\.text +plain +•+ 9655/);
    expect(text).toMatch(/^2 findings in 6 events \(\d+ B\): canary 1, email 1$/m);
    expect(text).not.toContain(CARD);
    expect(text).not.toContain(EMAIL);
  });

  it('--no-patterns leaves unplanted personal data alone; an allow-list silences a known value', async () => {
    const emailOnly = writeRecording(dir, 'email.json', sampleEvents(EMAIL), 'array');
    expect(await scan([emailOnly])).toBe(1);
    expect(await scan([emailOnly, '--no-patterns'])).toBe(0);
    const allow = writeText(dir, 'allow.json', JSON.stringify({ values: [EMAIL.toUpperCase()], patterns: ['[a-z_]+@yahoo\\.com'] }));
    expect(await scan([emailOnly, '--allow', allow])).toBe(0);
    expect(out()).toMatch(/0 findings in 5 events/);
  });

  it('exits 2 on bad usage, printing the reason on stderr and nothing on stdout', async () => {
    expect(await scan([])).toBe(2);
    expect(await scan([leaky, '--bogus'])).toBe(2);
    expect(await scan([leaky, masked])).toBe(2);
    expect(err()).toMatch(/needs the path of a recording/);
    expect(err()).toMatch(/Unknown option '--bogus'/);
    expect(err()).toMatch(/→ Usage: maskproof scan/);
    expect(out()).toBe('');
  });

  it('exits 2 on a bad canaries or allow file, naming the key path or the pattern', async () => {
    const badCanary = writeText(dir, 'bad-canaries.json', JSON.stringify({ canaries: [{ kind: 'card', value: CARD }, { kind: 'email', value: 42 }] }));
    expect(await scan([leaky, '--canaries', badCanary, '--json'])).toBe(2);
    expect(err()).toMatch(/canaries\[1\]\.value must be string/);
    const unknownKey = writeText(dir, 'unknown.json', JSON.stringify({ canary: [] }));
    expect(await scan([leaky, '--canaries', unknownKey])).toBe(2);
    expect(err()).toMatch(/unknown key "canary"|missing "canaries"/);
    const badPattern = writeText(dir, 'bad-allow.json', JSON.stringify({ patterns: ['ok', '(unclosed'] }));
    expect(await scan([leaky, '--allow', badPattern])).toBe(2);
    expect(err()).toMatch(/patterns\[1\] "\(unclosed" does not compile/);
    expect(await scan([leaky, '--canaries', `${dir}/missing.json`])).toBe(2);
    expect(err()).toMatch(/canaries file not found/);
    expect(out()).toBe('');
  });

  it('exits 2 on a malformed recording, naming the event, with nothing on stdout even with --json', async () => {
    const [a] = sampleEvents().map((e) => JSON.stringify(e));
    const broken = writeText(dir, 'broken.json', `[${a},{"type":3,"timestamp":1,"data":{"source":5,"text":"${CARD}"}`);
    expect(await scan([broken, '--canaries', canaries, '--json'])).toBe(2);
    expect(err()).toMatch(/broken\.json: ends in the middle of event 1/);
    expect(out()).toBe('');
  });
});

describe('maskproof scan on other layouts', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds a card number in a gzipped JSONL recording, and in the {"events": [...]} form', async () => {
    const events = sampleEvents('*****');
    const leak = { type: 5, timestamp: 2000, data: { tag: 'maskproof/network', payload: { body: JSON.stringify({ card: CARD.replaceAll(' ', '') }) } } };
    const gz = writeRecording(dir, 'network.jsonl.gz', [...events, leak], 'lines', true);
    expect(await scan([gz, '--json'])).toBe(1);
    const [finding] = JSON.parse(out()).findings;
    expect(finding).toMatchObject({ detector: 'card', eventIndex: 5, eventType: 5, path: 'data.payload.body' });
    expect(out()).not.toContain(CARD.replaceAll(' ', ''));

    written = { stdout: [], stderr: [] };
    const wrapped = writeText(dir, 'wrapped.json', JSON.stringify({ recorder: 'rrweb', events: [...events, leak] }));
    expect(await scan([wrapped, '--json'])).toBe(1);
    expect(JSON.parse(out())).toMatchObject({ eventsScanned: 6, findings: [{ detector: 'card', eventIndex: 5 }] });
  });

  it('--help prints the usage and exits 0', async () => {
    expect(await scan(['--help'])).toBe(0);
    expect(out()).toMatch(/^Usage: maskproof scan <recording>/);
  });

  it('reports progress with running totals every so many bytes of events', async () => {
    const events = sampleEvents(CARD);
    const path = writeRecording(dir, 'progress.json', events, 'array');
    const seen: ScanReport[] = [];
    const every = 300;
    const report = await scanRecording(path, { canaries: [{ kind: 'card', value: CARD }], patterns: false, progressEvery: every, onProgress: (r) => seen.push({ ...r, findings: [...r.findings] }) });
    expect(seen.length).toBe(Math.floor(report.bytesScanned / every));
    expect(seen.map((r) => r.bytesScanned)).toEqual([...seen.map((r) => r.bytesScanned)].sort((a, b) => a - b));
    expect(seen.at(-1)!.findings).toHaveLength(1);
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
    expect(summaryLine(report, 2)).toBe('3 findings in 1,204 events (2.1 MB, 2 threads): canary 2, email 1');
  });

  it('truncates long paths from the left, keeping the leaf', () => {
    const path = `data.node${'.childNodes[0]'.repeat(12)}.textContent`;
    const table = renderFindings([finding('canary', path)], 40);
    expect(table).toContain(`…${path.slice(-39)}`);
    expect(table).not.toContain(path);
    expect(table).toMatch(/#9 +FullSnapshot/);
  });
});
