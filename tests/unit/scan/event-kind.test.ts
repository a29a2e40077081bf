import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStatelessEvent, sniffStateless } from '../../../src/scan/event-kind.ts';
import { type Manifest, manifestIsCurrent } from '../../../src/scan/helper-bundle.ts';
import { appendText, click, fullSnapshot, input, meta, network, textMutation } from '../detect/rrweb-events.ts';
import { tempDir } from './helpers.ts';

const sniff = (json: string) => sniffStateless(Buffer.from(json));

describe('which events another thread may scan', () => {
  it('sniffs snapshots, meta, custom events and mouse traffic as stateless, in the layouts recorders write', () => {
    for (const event of [fullSnapshot([]), meta('http://localhost/'), network({ url: '/api' }), click(3)]) {
      expect(sniff(JSON.stringify(event))).toBe(true);
      expect(isStatelessEvent(event)).toBe(true);
    }
    // rrweb's own key order: type, data, timestamp.
    expect(sniff('{"type":3,"data":{"source":1,"positions":[]},"timestamp":1}')).toBe(true);
    expect(sniff('{"type":3,"data":{"source":12},"timestamp":1}')).toBe(true);
  });

  it('never sniffs inputs or mutations as stateless, nor anything it cannot read for sure', () => {
    for (const event of [input(7, 'a'), textMutation(8, 'b'), appendText(9, 'c')]) {
      expect(sniff(JSON.stringify(event))).toBe(false);
      expect(isStatelessEvent(event)).toBe(false);
    }
    expect(sniff('{"type":3,"data":{"source":5,"id":1},"timestamp":1}')).toBe(false);
    expect(sniff('{"type":3,"data":{"source":0}}')).toBe(false);
    // Pretty-printed, other key orders, a fractional timestamp, a source that is not a plain number.
    expect(sniff('{ "type": 3, "data": { "source": 1 } }')).toBe(false);
    expect(sniff('{"timestamp":1,"type":3,"data":{"source":1}}')).toBe(false);
    expect(sniff('{"type":3,"timestamp":1.5,"data":{"source":1}}')).toBe(false);
    expect(sniff('{"type":3,"data":{"source":"1"}}')).toBe(false);
    expect(sniff('{"type":3,"data":{"source":10')).toBe(false);
    expect(sniff('{"type":')).toBe(false);
    expect(sniff('')).toBe(false);
  });

  it('the parsed event has the last word: a repeated "type" key is caught after parsing', () => {
    const disguised = '{"type":2,"data":{"source":5,"id":1,"text":"x"},"timestamp":1,"type":3}';
    expect(sniff(disguised)).toBe(true);
    expect(isStatelessEvent(JSON.parse(disguised))).toBe(false);
  });
});

describe('the cached helper bundle', () => {
  it('is current only while every source it was built from is unchanged, and the lockfile too', () => {
    const dir = tempDir();
    const source = join(dir, 'detector.ts');
    writeFileSync(source, 'export const rule = 1;\n');
    const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
    const manifest: Manifest = { sources: { [source]: hash(source) }, lockfile: hash('package-lock.json') };
    expect(manifestIsCurrent(manifest)).toBe(true);
    writeFileSync(source, 'export const rule = 2;\n');
    expect(manifestIsCurrent(manifest)).toBe(false);
    expect(manifestIsCurrent({ sources: { [source]: hash(source) }, lockfile: 'another lockfile' })).toBe(false);
    expect(manifestIsCurrent({ sources: { [join(dir, 'deleted.ts')]: hash(source) }, lockfile: manifest.lockfile })).toBe(false);
  });
});
