import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_EVENT_DEPTH } from '../../../src/recording/json-array-splitter.ts';
import { readRecording } from '../../../src/recording/read-recording.ts';
import { scanRecording } from '../../../src/scan/scan-recording.ts';

const dir = mkdtempSync(join(tmpdir(), 'maskproof-deep-'));
const flat = JSON.stringify({ type: 3, timestamp: 1, data: { source: 0 } });
const nested = (depth: number, inner = '"x"') => `{"type":3,"timestamp":2,"data":{"source":0,"v":${'['.repeat(depth)}${inner}${']'.repeat(depth)}}}`;

async function readAll(file: string): Promise<number> {
  let n = 0;
  for await (const _ of readRecording(file)) n++;
  return n;
}

describe('a recording nested 100,000 levels deep', () => {
  it('.json and .jsonl: an error naming the event index, the line and the depth limit, not "Maximum call stack size exceeded"', async () => {
    const json = join(dir, 'deep.json');
    writeFileSync(json, `[${flat},${flat},${nested(100_000)}]`);
    await expect(readAll(json)).rejects.toThrow(`${json}: event 2 is nested more than ${MAX_EVENT_DEPTH} levels deep`);
    const wrapped = join(dir, 'deep-object.json');
    writeFileSync(wrapped, `{"events":[${flat},${`{"type":3,"timestamp":2,"data":${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}}`}]}`);
    await expect(readAll(wrapped)).rejects.toThrow(`event 1 is nested more than ${MAX_EVENT_DEPTH} levels deep`);
    const lines = join(dir, 'deep.jsonl');
    writeFileSync(lines, `${flat}\n${nested(100_000)}\n`);
    await expect(readAll(lines)).rejects.toThrow(/event 1 is nested more than 1000 levels deep .*\(line 2\)/);
  });

  it('an event just under the limit is read and scanned, and a planted value inside it is found', async () => {
    const file = join(dir, 'near-limit.json');
    // The event object is level 1, "data" level 2: MAX - 3 arrays inside it keep it at the limit.
    writeFileSync(file, `[${flat},${nested(MAX_EVENT_DEPTH - 3, '"jane.doe@example.com"')}]`);
    expect(await readAll(file)).toBe(2);
    const report = await scanRecording(file, { canaries: [{ kind: 'email', value: 'jane.doe@example.com', label: 'email' }], patterns: false, threads: false });
    expect(report.findings.map((f) => f.eventIndex)).toEqual([1]);
  });
});
