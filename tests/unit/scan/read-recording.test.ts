import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordingFormatError } from '../../../src/errors.ts';
import { readRecording, type ReadRecordingOptions } from '../../../src/recording/read-recording.ts';
import { sampleEvents, tempDir, writeRecording, writeText } from './helpers.ts';

async function readAll(path: string, options?: ReadRecordingOptions) {
  const out = [];
  for await (const item of readRecording(path, options)) out.push(item);
  return out;
}

async function errorOf(path: string, options?: ReadRecordingOptions): Promise<RecordingFormatError> {
  try {
    await readAll(path, options);
  } catch (error) {
    expect(error).toBeInstanceOf(RecordingFormatError);
    return error as RecordingFormatError;
  }
  throw new Error(`expected ${path} to be rejected`);
}

describe('readRecording', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const events = sampleEvents();

  it.each([
    ['compact .json', 'a.json', 'array', false],
    ['pretty .json', 'b.json', 'pretty', false],
    ['.jsonl', 'c.jsonl', 'lines', false],
    ['.json.gz', 'd.json.gz', 'array', true],
    ['.jsonl.gz', 'e.jsonl.gz', 'lines', true],
  ] as const)('streams every event of a %s file, in order, with its index', async (_, name, layout, gzip) => {
    const path = writeRecording(dir, name, events, layout, gzip);
    const read = await readAll(path);
    expect(read.map((r) => r.event)).toEqual(events);
    expect(read.map((r) => r.index)).toEqual([0, 1, 2, 3, 4]);
    if (layout !== 'pretty') expect(read.map((r) => r.bytes)).toEqual(events.map((e) => Buffer.byteLength(JSON.stringify(e))));
  });

  it('recognises gzip by its magic bytes when the name does not say so', async () => {
    const path = writeRecording(dir, 'recording.bin', events, 'array', true);
    expect((await readAll(path)).map((r) => r.event)).toEqual(events);
  });

  it('survives a chunk boundary at every byte: inside strings, between a backslash and an escaped quote, inside multi-byte characters', async () => {
    const path = writeRecording(dir, 'boundaries.json', events, 'array');
    const text = readFileSync(path, 'utf8');
    // The case that matters is really in the file: an escaped quote, and a string ending in an escaped backslash.
    expect(text).toContain('\\"hi\\"');
    expect(text).toContain('ok\\\\"');
    for (const highWaterMark of [1, 2, 3, 5, 7, 13]) {
      expect((await readAll(path, { highWaterMark })).map((r) => r.event)).toEqual(events);
    }
    const gz = writeRecording(dir, 'boundaries.json.gz', events, 'array', true);
    expect((await readAll(gz, { highWaterMark: 3 })).map((r) => r.event)).toEqual(events);
    const lines = writeRecording(dir, 'boundaries.jsonl', events, 'lines');
    expect((await readAll(lines, { highWaterMark: 4 })).map((r) => r.event)).toEqual(events);
  });

  it('reads an empty array as no events', async () => {
    expect(await readAll(writeText(dir, 'empty.json', ' [ ]\n'))).toEqual([]);
  });

  it('names the file and the first bad event when an event is not valid JSON', async () => {
    const [a, b] = events.map((e) => JSON.stringify(e));
    const path = writeText(dir, 'bad-json.json', `[${a},${b},{"type":3,"timestamp":5,"data":{"source":5,,}}]`);
    const error = await errorOf(path, { highWaterMark: 8 });
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/event 2 is not valid JSON/);
    expect(error.hint).toMatch(/JSON array/);
  });

  it('names the event a truncated file ends in', async () => {
    const text = JSON.stringify(events);
    const error = await errorOf(writeText(dir, 'truncated.json', text.slice(0, text.indexOf('"source":0'))));
    expect(error.message).toMatch(/ends in the middle of event 3/);
  });

  it('rejects a file that is not a JSON array, an extra comma, and a bad JSONL line', async () => {
    expect((await errorOf(writeText(dir, 'object.json', '{"events":[]}'))).message).toMatch(/not a JSON array/);
    const [a] = events.map((e) => JSON.stringify(e));
    expect((await errorOf(writeText(dir, 'comma.json', `[${a},,${a}]`))).message).toMatch(/event 1 is missing/);
    expect((await errorOf(writeText(dir, 'bad.jsonl', `${a}\n\n{"type":3,\n`))).message).toMatch(/event 1 \(line 3\) is not valid JSON/);
  });

  it('rejects a valid JSON array whose elements are not rrweb events, naming the event and the path', async () => {
    const bad = [events[0], { type: 3, timestamp: 2, data: { source: 'input' } }];
    const error = await errorOf(writeRecording(dir, 'not-rrweb.json', bad, 'array'));
    expect(error.message).toContain('not-rrweb.json');
    expect(error.message).toMatch(/event 1 .*data\.source/);
  });

  it('rejects a missing file and a file that claims gzip but is not', async () => {
    expect((await errorOf(`${dir}/nope.json`)).message).toMatch(/not found/);
    expect((await errorOf(writeText(dir, 'fake.json.gz', '[]'))).message).toMatch(/not valid gzip/);
  });
});
