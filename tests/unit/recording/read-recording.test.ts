import { readFileSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { RecordingFormatError } from '../../../src/errors.ts';
import { JsonArraySplitter } from '../../../src/recording/json-array-splitter.ts';
import { readRecording, type ReadRecordingOptions } from '../../../src/recording/read-recording.ts';
import { sampleEvents, tempDir, writeRecording, writeText } from '../scan/helpers.ts';

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

  it('refuses an empty array: no events is not a clean recording (issue 18.10)', async () => {
    const path = writeText(dir, 'empty.json', ' [ ]\n');
    await expect(readAll(path)).rejects.toThrow(`${path}: holds no events`);
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
    expect((await errorOf(writeText(dir, 'scalar.json', '"events"'))).message).toMatch(/not a JSON array of events \(it starts with """\)/);
    expect((await errorOf(writeText(dir, 'object.json', '{"type":4,"data":{}}'))).message).toMatch(/object without an "events" array/);
    const [a] = events.map((e) => JSON.stringify(e));
    expect((await errorOf(writeText(dir, 'comma.json', `[${a},,${a}]`))).message).toMatch(/event 1 is missing/);
    expect((await errorOf(writeText(dir, 'trailing-comma.json', `[${a},${a},]`))).message).toMatch(/event 2 is missing/);
    expect((await errorOf(writeText(dir, 'after.json', `[${a}] x`))).message).toMatch(/text after the end of the event array \(after event 0\)/);
    expect((await errorOf(writeText(dir, 'unmatched.json', `[${a}}, ${a}]`))).message).toMatch(/event 0 has an unmatched "}"/);
    expect((await errorOf(writeText(dir, 'bad.jsonl', `${a}\n\n{"type":3,\n`))).message).toMatch(/event 1 \(line 3\) is not valid JSON/);
  });

  it('reads the object form {"events": [...]}, skipping the other keys, even ones that hold arrays or the word "events"', async () => {
    const text = `{"blob":"${'x\\"'.repeat(200)}","note":"events","meta":{"events":[1,2]},"list":[[],{}],\n "events" : ${JSON.stringify(events, null, 1)},"after":["]"]}`;
    const path = writeText(dir, 'object-form.json', text);
    for (const highWaterMark of [undefined, 1, 4, 9]) {
      expect((await readAll(path, highWaterMark ? { highWaterMark } : {})).map((r) => r.event)).toEqual(events);
    }
    // Without a .json name it is told apart from JSONL by its first key, which is not an event's.
    expect((await readAll(writeText(dir, 'object-form.txt', text))).map((r) => r.event)).toEqual(events);
    expect((await errorOf(writeText(dir, 'object-truncated.json', text.slice(0, text.indexOf('"events" :'))))).message).toMatch(/ends before its "events" array/);
  });

  it('tells JSONL from a JSON array by the first byte when the name does not say', async () => {
    expect((await readAll(writeRecording(dir, 'lines.txt', events, 'lines'))).map((r) => r.event)).toEqual(events);
    expect((await readAll(writeRecording(dir, 'array.txt', events, 'pretty'))).map((r) => r.event)).toEqual(events);
  });

  it('streams: events before a broken one are yielded before the error, not after reading the whole file', async () => {
    const [a] = events.map((e) => JSON.stringify(e));
    const path = writeText(dir, 'broken-late.json', `[${a},${a},${a},{"type":3,`);
    const seen: number[] = [];
    await expect(async () => {
      for await (const { index } of readRecording(path, { highWaterMark: 16 })) seen.push(index);
    }).rejects.toThrow(/ends in the middle of event 3/);
    expect(seen).toEqual([0, 1, 2]);
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

describe('JsonArraySplitter', () => {
  // Strings full of what the splitter must not take for structure: quotes, backslash runs, brackets, commas, UTF-8.
  const tricky = [
    { type: 5, timestamp: 1, data: { tag: 'x', payload: { a: '\\', b: '\\"', c: '\\\\"]},[{', d: '"', e: '}]', f: 'é€😀\u2028', g: ['[', ']'], h: '' } } },
    { type: 3, timestamp: 2, data: { source: 5, text: 'a\\\\\\"b', id: 1 } },
    { type: 4, timestamp: 3, data: { href: 'http://x/?q=[1,2]&r={}', width: 1, height: 2 } },
  ];

  it('splits at every possible chunk boundary exactly as JSON.parse reads the whole array', () => {
    for (const text of [JSON.stringify(tricky), `\ufeff [\n${tricky.map((e) => JSON.stringify(e, null, 2)).join(' ,\n')}\n] \n`]) {
      const bytes = Buffer.from(text);
      for (let cut = 1; cut < bytes.length; cut++) {
        const splitter = new JsonArraySplitter();
        const elements = [...splitter.push(bytes.subarray(0, cut)), ...splitter.push(bytes.subarray(cut))];
        splitter.end();
        expect(elements.map((e) => JSON.parse(e.toString('utf8')))).toEqual(tricky);
      }
    }
  });

  it('never takes a file cut short at any byte for a whole one', () => {
    const bytes = Buffer.from(JSON.stringify(tricky));
    for (let cut = 0; cut < bytes.length; cut++) {
      const splitter = new JsonArraySplitter();
      expect(() => {
        splitter.push(bytes.subarray(0, cut));
        splitter.end();
      }).toThrow(/empty|ends in the middle of event \d/);
    }
  });

  it('returns views into the chunk, not copies, for elements inside one chunk', () => {
    const chunk = Buffer.from(JSON.stringify(tricky));
    const [first] = new JsonArraySplitter().push(chunk);
    expect(first!.buffer).toBe(chunk.buffer);
  });
});
