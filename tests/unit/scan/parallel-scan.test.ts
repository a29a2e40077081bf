import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Canary } from '../../../src/detect/types.ts';
import { formatError } from '../../../src/errors.ts';
import { type ScanRecordingOptions, type ScanReport, type ScanStats, scanRecording } from '../../../src/scan/scan-recording.ts';
import { appendText, click, el, fullSnapshot, input, meta, network, text, textMutation } from '../detect/rrweb-events.ts';
import { tempDir, writeRecording, writeText } from './helpers.ts';

const dir = tempDir();
const LEAKY = 'fixtures/recordings/rrweb-leaky';
const fixtureCanaries = (JSON.parse(readFileSync(join(LEAKY, 'canaries.json'), 'utf8')) as { canaries: Canary[] }).canaries;
const canaries: Canary[] = [
  ...fixtureCanaries,
  { kind: 'fullName', value: 'Merritt Flatley', label: 'typed name' },
  { kind: 'email', value: 'merritt_flatley@yahoo.com', label: 'live preview email' },
];

/**
 * The fixture app's leaky recordings one after another, with values that only a scan in event order
 * finds, spread over many small read chunks: a name typed one increment per input event, an email
 * appended to an element a character at a time, each piece far from the others behind stateless traffic.
 */
function mixedRecording(): unknown[] {
  const events: unknown[] = [];
  for (const file of readdirSync(LEAKY).filter((f) => f.endsWith('.json') && !f.includes('evidence') && f !== 'canaries.json').sort()) {
    events.push(...(JSON.parse(readFileSync(join(LEAKY, file), 'utf8')) as unknown[]));
  }
  const traffic = (n: number) => Array.from({ length: n }, (_, i) => (i % 3 === 0 ? click(10 + i) : i % 3 === 1 ? network({ url: `/api/poll?i=${i}` }) : meta(`http://localhost/page/${i}`)));
  events.push(fullSnapshot([el('form', {}, [el('input', { id: 'name' }), el('p', { id: 'preview' }, [text('Preview: ')])])]));
  for (const piece of ['Merr', 'itt ', 'Flat', 'ley']) events.push(...traffic(40), input(4242, piece));
  for (const char of 'merritt_flatley@yahoo.com') events.push(...traffic(7), appendText(4343, char));
  events.push(...traffic(30), textMutation(4444, 'contact: jane.roe@example.org'), network({ url: '/api/pay', body: { card: '4111 1111 1111 1111' } }));
  return events;
}

const events = mixedRecording();
const files = {
  array: writeRecording(dir, 'mixed.json', events, 'array'),
  lines: writeRecording(dir, 'mixed.jsonl', events, 'lines'),
};
const small = { highWaterMark: 2048 } as const;

async function scanBoth(path: string, options: Partial<ScanRecordingOptions> = {}): Promise<{ one: ScanReport; two: ScanReport; stats: ScanStats }> {
  const base = { canaries, patterns: true, ...small, ...options };
  const stats = {} as ScanStats;
  const one = await scanRecording(path, { ...base, threads: false });
  const two = await scanRecording(path, { ...base, threads: true, stats });
  return { one, two, stats };
}

async function failure(run: Promise<unknown>): Promise<string> {
  try {
    await run;
  } catch (error) {
    return formatError(error);
  }
  throw new Error('the scan did not fail');
}

describe('a scan shared with a helper thread reports exactly what a scan on one thread reports', () => {
  for (const [layout, path] of Object.entries(files)) {
    for (const share of ['balanced', 'needed'] as const) {
      it(`${layout}, helper takes the ${share} share`, async () => {
        const { one, two, stats } = await scanBoth(path, { share });
        expect(stats.helperStarted).toBe(true);
        expect(stats.helperEvents).toBeGreaterThan(0);
        expect(stats.helperEvents).toBeLessThan(events.length);
        expect(stats.rescanned).toBe(false);
        // The leaks that need events in order are among them, so a helper that lost the order would differ.
        expect(one.findings.filter((f) => f.encoding === 'split').map((f) => f.label)).toEqual(expect.arrayContaining(['typed name', 'live preview email']));
        expect(one.findings.some((f) => f.detector === 'email') && one.findings.some((f) => f.detector === 'card')).toBe(true);
        expect(two).toEqual(one);
        expect(one.eventsScanned).toBe(events.length);
      });
    }
  }

  it('gzipped, and with no canaries at all (patterns only)', async () => {
    const gz = writeRecording(dir, 'mixed.json.gz', events, 'array', true);
    const { one, two } = await scanBoth(gz, { canaries: [] });
    expect(one.findings.length).toBeGreaterThan(0);
    expect(two).toEqual(one);
  });

  it('an event that only looks stateless (a repeated "type" key) makes it redo the scan in order', async () => {
    const increments = ['Merr', 'itt ', 'Flat', 'ley'].map((piece, i) => {
      // JSON.parse keeps the last "type": this is an input event, though its text starts like a full snapshot.
      const json = JSON.stringify(input(4545, piece)).replace('{"type":3,', '{"type":2,');
      return i === 2 ? json.replace(/}$/, ',"type":3}') : JSON.stringify(input(4545, piece));
    });
    const text = `[${[...events.slice(0, 200).map((e) => JSON.stringify(e)), ...increments].join(',')}]`;
    const path = writeText(dir, 'disguised.json', text);
    const { one, two, stats } = await scanBoth(path, { share: 'needed' });
    expect(one.findings.map((f) => f.label)).toContain('typed name');
    expect(stats.rescanned).toBe(true);
    expect(two).toEqual(one);
  });
});

describe('bad input through a shared scan: the same error as on one thread, for the first bad event', () => {
  const lines = events.slice(0, 400).map((e) => JSON.stringify(e));
  const stateful = (from: number) => lines.findIndex((l, i) => i > from && l.includes('"source":0,'));
  const stateless = (from: number) => lines.findIndex((l, i) => i > from && l.startsWith('{"type":3') && l.includes('"source":2,'));
  const statefulAt = stateful(50);
  const broken = (at: number, fix: (line: string) => string) => lines.map((l, i) => (i === at ? fix(l) : l));
  const notJson = (l: string) => l.slice(0, -1);
  const notRrweb = (l: string) => l.replace(/"timestamp":\d+,?/, '');

  it.each([
    ['the helper', statefulAt, stateless(statefulAt)],
    ['this thread', stateless(50), stateful(stateless(50))],
  ])('the earlier bad event is scanned by %s', async (_, first, second) => {
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    const text = broken(first, notJson).map((l, i) => (i === second ? notJson(l) : l));
    const path = writeText(dir, `two-bad-${first}.jsonl`, `${text.join('\n')}\n`);
    // One read chunk: both bad events are split before either is scanned, each on its own thread.
    const options = { canaries, patterns: true, share: 'needed', highWaterMark: 1 << 20 } as const;
    const expected = await failure(scanRecording(path, { ...options, threads: false }));
    expect(expected).toContain(`event ${first} (line ${first + 1}) is not valid JSON`);
    expect(await failure(scanRecording(path, { ...options, threads: true }))).toBe(expected);
  });

  it('an event that is not an rrweb event, and a truncated file', async () => {
    for (const [name, text] of [
      ['not-rrweb.json', `[${broken(statefulAt, notRrweb).join(',')}]`],
      ['truncated.json', `[${lines.join(',')}`.slice(0, -20)],
    ]) {
      const path = writeText(dir, name!, text!);
      const options = { canaries, patterns: true, ...small } as const;
      const expected = await failure(scanRecording(path, { ...options, threads: false }));
      expect(expected).toMatch(/event \d+/);
      expect(await failure(scanRecording(path, { ...options, threads: true }))).toBe(expected);
    }
  });
});
