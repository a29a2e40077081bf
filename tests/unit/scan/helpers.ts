import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** A small but realistic rrweb recording: meta, full snapshot, an input, a mutation, a custom event. */
export function sampleEvents(inputText = 'he said "hi" — “quoted” é€😀 and C:\\path\\'): unknown[] {
  return [
    { type: 4, timestamp: 1000, data: { href: 'http://localhost/checkout', width: 1280, height: 720 } },
    {
      type: 2,
      timestamp: 1001,
      data: {
        node: { type: 0, id: 1, childNodes: [{ type: 2, id: 2, tagName: 'html', attributes: {}, childNodes: [{ type: 3, id: 3, textContent: 'Checkout [1] {2}, "q"' }] }] },
        initialOffset: { left: 0, top: 0 },
      },
    },
    { type: 3, timestamp: 1002, data: { source: 5, id: 7, text: inputText, isChecked: false } },
    { type: 3, timestamp: 1003, data: { source: 0, texts: [], attributes: [], removes: [], adds: [{ parentId: 2, nextId: null, node: { type: 3, id: 9, textContent: 'ok\\' } }] } },
    { type: 5, timestamp: 1004, data: { tag: 'maskproof/network', payload: { url: '/api?x=[1,2]', body: '{"a":"b\\"c"}' } } },
  ];
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'maskproof-scan-test-'));
}

export function writeRecording(dir: string, name: string, events: unknown[], layout: 'array' | 'pretty' | 'lines', gzip = false): string {
  const text =
    layout === 'lines' ? `${events.map((e) => JSON.stringify(e)).join('\n')}\n` : layout === 'pretty' ? JSON.stringify(events, null, 2) : JSON.stringify(events);
  const path = join(dir, name);
  writeFileSync(path, gzip ? gzipSync(text) : text);
  return path;
}

export function writeText(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
