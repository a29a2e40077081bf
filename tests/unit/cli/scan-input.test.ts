import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runScan } from '../../../src/cli/scan-command.ts';

// Issue 18.10: the same input is judged the same way whatever its format, and nothing passes silently.
const dir = mkdtempSync(join(tmpdir(), 'maskproof-scan-input-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const meta = '{"type":4,"timestamp":1,"data":{"href":"https://shop.test/","width":1,"height":1}}';
const input = (text: string) => `{"type":3,"timestamp":2,"data":{"source":5,"text":"${text}","isChecked":false,"id":7}}`;
let out = '';
let err = '';
const io = { stdout: { write: (t: string) => { out += t; } }, stderr: { write: (t: string) => { err += t; }, isTTY: false } };
const scan = (argv: string[]) => runScan(argv, io);
beforeEach(() => {
  out = '';
  err = '';
});

describe('scan input consistency', () => {
  it('an empty .jsonl, [] and {"events": []} are errors like an empty .json, never "0 findings"', async () => {
    for (const [name, text] of [['empty.jsonl', ''], ['blank.jsonl', '\n\n'], ['empty-array.json', '[]'], ['empty-events.json', '{"events": []}'], ['empty.json', '']] as const) {
      err = '';
      expect(await scan([file(name, text), '--no-patterns']), name).toBe(2);
      expect(err, name).toMatch(/^maskproof: .*(holds no events|is empty)/);
      expect(out, name).toBe('');
    }
  });

  it('a BOM is accepted in .jsonl as in .json, and the event behind it is scanned', async () => {
    const canaries = file('canaries.json', JSON.stringify({ canaries: [{ kind: 'email', value: 'jo.doe@example.com', label: 'signup' }] }));
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    for (const path of [file('bom.jsonl', Buffer.concat([bom, Buffer.from(`${input('jo.doe@example.com')}\n${meta}\n`)])), file('bom.json', Buffer.concat([bom, Buffer.from(`[${input('jo.doe@example.com')},${meta}]`)]))]) {
      expect(await scan([path, '--canaries', canaries, '--no-patterns', '--json']), path).toBe(1);
      expect(JSON.parse(out).findings).toHaveLength(1);
      out = '';
    }
  });

  it('invalid UTF-8 is an error naming the event, in .json and .jsonl', async () => {
    const bad = Buffer.concat([Buffer.from(`${meta}\n{"type":3,"timestamp":2,"data":{"source":5,"text":"a`), Buffer.from([0xff, 0xfe]), Buffer.from('b","isChecked":false,"id":7}}\n')]);
    expect(await scan([file('bad-utf8.jsonl', bad), '--no-patterns'])).toBe(2);
    expect(err).toMatch(/event 1 \(line 2\) is not valid UTF-8/);
    err = '';
    const badJson = Buffer.concat([Buffer.from(`[${meta},{"type":3,"timestamp":2,"data":{"source":5,"text":"a`), Buffer.from([0xff, 0xfe]), Buffer.from('b","isChecked":false,"id":7}}]')]);
    expect(await scan([file('bad-utf8.json', badJson), '--no-patterns'])).toBe(2);
    expect(err).toMatch(/event 1 is not valid UTF-8/);
  });

  it('1-character and whitespace-only canaries are refused (they match tag names and meta content)', async () => {
    const recording = file('r.jsonl', `${meta}\n${input('hello')}\n`);
    for (const value of ['a', ' ', '   ', '\t\n', ' x ']) {
      err = '';
      const canaries = file('short.json', JSON.stringify({ canaries: [{ kind: 'x', value: 'long enough', label: 'l' }, { kind: 'x', value, label: 'l' }] }));
      expect(await scan([recording, '--canaries', canaries, '--no-patterns']), JSON.stringify(value)).toBe(2);
      expect(err).toMatch(/canaries\[1\] value .* is (one character|blank): it would match everywhere/);
    }
    const ok = file('ok.json', JSON.stringify({ canaries: [{ kind: 'x', value: 'ab', label: 'l' }] }));
    expect(await scan([recording, '--canaries', ok, '--no-patterns'])).toBe(0);
  });
});
