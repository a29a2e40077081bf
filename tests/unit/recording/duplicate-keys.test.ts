import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runScan } from '../../../src/cli/scan-command.ts';
import { scanRecording } from '../../../src/scan/scan-recording.ts';
import { countMembers } from '../../../src/recording/duplicate-keys.ts';
import { JsonArraySplitter } from '../../../src/recording/json-array-splitter.ts';

// Issue 18.5: JSON.parse keeps the last of two equal keys; the file still holds the first value.
const dir = mkdtempSync(join(tmpdir(), 'maskproof-dup-keys-'));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const meta = '{"type":4,"timestamp":1,"data":{"href":"https://shop.test/","width":1,"height":1}}';
let out = '';
let err = '';
const io = { stdout: { write: (t: string) => { out += t; } }, stderr: { write: (t: string) => { err += t; }, isTTY: false } };
beforeEach(() => {
  out = '';
  err = '';
});

const leaky = [
  ['top level of data', '{"type":3,"timestamp":1,"data":{"source":2,"v":"ada@example.com","v":"clean"}}'],
  ['input text', '{"type":3,"timestamp":2,"data":{"source":5,"text":"ada@example.com","text":"***","isChecked":false,"id":7}}'],
  ['nested, three copies, spaced', '{"type":5,"timestamp":3,"data":{"tag":"x","payload":{"user":{"mail" : "ada@example.com", "mail":"a", "mail":"b"}}}}'],
  ['a whole dropped object', '{"type":5,"timestamp":3,"data":{"tag":"x","payload":{"a":{"deep":["ada@example.com"]},"a":1}}}'],
  ['a text node in a snapshot', '{"type":2,"timestamp":4,"data":{"node":{"type":0,"id":1,"childNodes":[{"type":3,"id":2,"textContent":"ada@example.com","textContent":"x"}]},"initialOffset":{"left":0,"top":0}}}'],
] as const;

describe('duplicate JSON keys', () => {
  for (const [what, event] of leaky) {
    for (const ext of ['json', 'jsonl'] as const) {
      it(`a leak under a duplicated key is found (${what}, .${ext}): exit 1`, async () => {
        const text = ext === 'json' ? `[${meta},${event}]` : `${meta}\n${event}\n`;
        expect(await runScan([file(`dup.${ext}`, text), '--json'], io), err).toBe(1);
        const findings = (JSON.parse(out) as { findings: { detector: string; eventIndex: number; redacted: string }[] }).findings;
        expect(findings.filter((f) => f.detector === 'email' && f.eventIndex === 1)).toHaveLength(1);
        expect(out).not.toContain('ada@example.com');
      });
    }
  }

  it('the splitter counts each event\'s members as countMembers does, across chunk boundaries (object form too)', () => {
    const events = [...leaky.map(([, e]) => e), meta, '{"type":5,"timestamp":1,"data":{"tag":"a:b","payload":{"k\\\\":":","x":[1,{"y":":\\"}"}]}}}'];
    for (const event of events) JSON.parse(event);
    for (const text of [`[${events.join(',')}]`, `{"meta":{"a":1},"events":[${events.join(',')}],"z":{"b":2}}`]) {
      for (const size of [1, 7, 64, 100_000]) {
        const splitter = new JsonArraySplitter();
        const bytes = Buffer.from(text);
        const counted: number[] = [];
        const elements: Buffer[] = [];
        for (let at = 0; at < bytes.length; at += size) {
          elements.push(...splitter.push(bytes.subarray(at, at + size)));
          counted.push(...splitter.members);
        }
        expect(counted, `chunks of ${size}`).toEqual(elements.map((e) => countMembers(e)));
        expect(counted.length).toBe(events.length);
      }
    }
  });

  it('the same events with the leak as the kept (last) value are found once, not twice', async () => {
    const event = '{"type":3,"timestamp":1,"data":{"source":2,"v":"ada@example.com","v":"ada@example.com"}}';
    expect(await runScan([file('twice.json', `[${meta},${event}]`), '--json'], io)).toBe(1);
    expect((JSON.parse(out) as { findings: unknown[] }).findings).toHaveLength(1);
  });

  it('duplicated keys holding clean values stay clean: exit 0', async () => {
    const event = '{"type":3,"timestamp":1,"data":{"source":2,"v":"hello","v":"clean","w":{"x":1,"x":2}}}';
    for (const ext of ['json', 'jsonl'] as const) {
      out = '';
      const text = ext === 'json' ? `[${meta},${event}]` : `${meta}\n${event}\n`;
      expect(await runScan([file(`clean.${ext}`, text), '--json'], io), err).toBe(0);
    }
  });

  it('on the helper thread too (threads: true), .json and .jsonl', async () => {
    const events = Array.from({ length: 50 }, (_, i) => `{"type":5,"timestamp":${i + 2},"data":{"tag":"t","payload":{"n":${i}}}}`);
    events[37] = '{"type":5,"timestamp":40,"data":{"tag":"t","payload":{"v":"ada@example.com","v":"x"}}}';
    for (const [name, text] of [['t.json', `[${meta},${events.join(',')}]`], ['t.jsonl', `${meta}\n${events.join('\n')}\n`]] as const) {
      for (const share of ['balanced', 'needed'] as const) {
        const report = await scanRecording(file(name, text), { canaries: [], patterns: true, threads: true, highWaterMark: 256, share });
        expect(report.findings.map((f) => [f.detector, f.eventIndex]), `${name} ${share}`).toEqual([['email', 38]]);
      }
    }
  });
});
