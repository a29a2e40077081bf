import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LARGE_EVENT, STRING_WINDOW, WINDOW_OVERLAP, stringWindows } from '../../../src/detect/long-strings.ts';
import { scanRecording } from '../../../src/scan/scan-recording.ts';
import { JsonArraySplitter } from '../../../src/recording/json-array-splitter.ts';
import { LineSplitter } from '../../../src/recording/line-splitter.ts';

// Issue 18.11: a large event's long strings are scanned window by window, from the event's bytes.
const dir = mkdtempSync(join(tmpdir(), 'maskproof-long-strings-'));
const meta = '{"type":4,"timestamp":1,"data":{"href":"http://a/","width":1,"height":1}}';
const canaries = [{ kind: 'fullName', value: 'Zoë Quintanilla', label: 'signup › name' }];

/** JSON string content of about `size` bytes: prose with accents and escapes, `plants` written at (about) byte offsets. */
function content(size: number, plants: [number, string][]): Buffer {
  const unit = 'prose café \\n naïve \\u00e9 \\"quoted\\" text, 12 ';
  const bytes = Buffer.from(unit.repeat(Math.ceil(size / Buffer.byteLength(unit))).slice(0, size));
  let out = bytes;
  // Each plant goes in at the last space at or before its byte offset (never inside an escape or a character).
  for (const [at, text] of plants) {
    const p = out.lastIndexOf(0x20, at);
    out = Buffer.concat([out.subarray(0, p), Buffer.from(text), out.subarray(p)]);
  }
  return out;
}

const event = (text: Buffer) => Buffer.concat([Buffer.from('{"type":5,"timestamp":2,"data":{"tag":"x","payload":{"s":"'), text, Buffer.from('"}}}')]);

describe('long strings in large events', () => {
  it('windows cover the decoded string exactly (escapes and UTF-8 never cut), each repeating the last overlap of the one before', () => {
    const text = content(3 * STRING_WINDOW + 12345, []);
    const windows = [...stringWindows({ bytes: text, start: 0, end: text.length })];
    expect(windows.length).toBeGreaterThanOrEqual(4);
    const joined = windows.map((w, i) => (i === 0 ? w : w.slice(WINDOW_OVERLAP))).join('');
    expect(joined).toBe(JSON.parse(`"${text.toString()}"`));
  });

  for (const ext of ['json', 'jsonl', 'json.gz'] as const) {
    it(`a ${LARGE_EVENT >> 20} MB+ event (.${ext}): values across window boundaries, escaped or accented, and at the very end are found; a clean one is clean`, async () => {
      const plants: [number, string][] = [
        [STRING_WINDOW - 9, ' ada\\u0040example.com '],
        [3 * STRING_WINDOW - 6, ' Zoë Quintanilla '],
      ];
      const leaky = Buffer.concat([content(LARGE_EVENT + 1000, plants), Buffer.from(' grace.hopper@example.org')]);
      const write = (name: string, body: Buffer) => {
        const text = ext === 'jsonl' ? Buffer.concat([Buffer.from(`${meta}\n`), event(body), Buffer.from('\n')]) : Buffer.concat([Buffer.from(`[${meta},`), event(body), Buffer.from(']')]);
        const path = join(dir, `${name}.${ext}`);
        writeFileSync(path, ext.endsWith('.gz') ? gzipSync(text) : text);
        return path;
      };
      const report = await scanRecording(write('leaky', leaky), { canaries, patterns: true });
      expect(report.findings.map((f) => `${f.detector} ${f.eventIndex} ${f.path} ${f.encoding}`).sort()).toEqual([
        'canary 1 data.payload.s plain',
        'email 1 data.payload.s plain',
        'email 1 data.payload.s plain',
      ]);
      const clean = await scanRecording(write('clean', content(LARGE_EVENT + 1000, [])), { canaries, patterns: true });
      expect(clean.findings).toEqual([]);
    });
  }

  it('an event longer than the hold limit is let go while it streams and read again whole: the same elements, at any chunk size', () => {
    const events = [meta, '{"type":5,"timestamp":2,"data":{"tag":"x","payload":{"s":"' + 'long text, '.repeat(40) + '"}}}', meta, '{"type":5,"timestamp":3,"data":{"payload":"' + 'x'.repeat(300) + '"}}'];
    const json = Buffer.from(`  [${events.join(' ,\n')}]`);
    const lines = Buffer.from(`${events.join('\n')}\n\n${events[1]}`);
    const reread = (bytes: Buffer) => (start: number, end: number) => Buffer.from(bytes.subarray(start, end));
    for (const size of [1, 5, 64, 1000]) {
      const array = new JsonArraySplitter(reread(json), 50);
      const split: string[] = [];
      for (let at = 0; at < json.length; at += size) split.push(...array.push(json.subarray(at, at + size)).map(String));
      array.end();
      expect(split.map((e) => e.trim()), `json, chunks of ${size}`).toEqual(events);
      const splitter = new LineSplitter(reread(lines), 50);
      const found: string[] = [];
      for (let at = 0; at < lines.length; at += size) found.push(...splitter.push(lines.subarray(at, at + size)).map((l) => `${l.line}:${l.bytes}`));
      found.push(...splitter.end().map((l) => `${l.line}:${l.bytes}`));
      expect(found, `jsonl, chunks of ${size}`).toEqual([...events.map((e, i) => `${i + 1}:${e}`), `6:${events[1]}`]);
    }
  });

  it('a large event that is not JSON is an error naming the event', async () => {
    const path = join(dir, 'bad.jsonl');
    writeFileSync(path, `${meta}\n${event(content(LARGE_EVENT + 10, [])).toString().replace('"tag":"x"', '"tag":x')}\n`);
    await expect(scanRecording(path, { canaries, patterns: true })).rejects.toThrow(/event 1 \(line 2\) is not valid JSON/);
  });

  it('a repeated key in a large event: the dropped copy is scanned too', async () => {
    const path = join(dir, 'dup.json');
    const body = content(LARGE_EVENT + 10, []);
    writeFileSync(path, Buffer.concat([Buffer.from(`[${meta},{"type":5,"timestamp":2,"data":{"tag":"x","payload":{"v":"ada@example.com","v":"x","s":"`), body, Buffer.from('"}}}]')]));
    const report = await scanRecording(path, { canaries, patterns: true });
    expect(report.findings.map((f) => `${f.detector} ${f.path}`)).toEqual(['email data.payload.v']);
  });
});
