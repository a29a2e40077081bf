import { describe, expect, it, vi } from 'vitest';
import type { Canary } from '../../../src/detect/types.ts';
import type { PackedBatch, TableMessage } from '../../../src/scan/protocol.ts';
import { type ScanStats, scanRecording } from '../../../src/scan/scan-recording.ts';
import { appendText, click, input, network } from '../detect/rrweb-events.ts';
import { tempDir, writeRecording } from './helpers.ts';

/** How the fake helper thread misbehaves: never starts, or dies on its second batch. */
const behaviour = vi.hoisted(() => ({ mode: 'never-starts' as 'never-starts' | 'dies' }));

vi.mock('node:worker_threads', async (original) => {
  const actual = await original<typeof import('node:worker_threads')>();
  const { EventEmitter } = await import('node:events');
  class FakeWorker extends EventEmitter {
    private batches = 0;
    constructor() {
      super();
      setImmediate(() => (behaviour.mode === 'never-starts' ? this.emit('error', new Error('cannot load the helper')) : this.emit('message', { kind: 'ready' })));
    }
    postMessage(batch: PackedBatch | TableMessage): void {
      // The main thread's pattern table comes first: a real helper builds its scanner from it.
      if (batch.kind === 'table') return;
      if (++this.batches === 2) setImmediate(() => this.emit('exit', 1));
      else if (this.batches === 1) setImmediate(() => this.emit('message', { kind: 'done', id: batch.id, findings: [], events: batch.ends.length, bytes: batch.bytes.length }));
    }
    terminate(): Promise<number> {
      return Promise.resolve(0);
    }
  }
  return { ...actual, Worker: FakeWorker };
});

const canaries: Canary[] = [{ kind: 'fullName', value: 'Merritt Flatley', label: 'typed name' }];
const traffic = (n: number) => Array.from({ length: n }, (_, i) => (i % 2 ? click(i) : network({ url: `/api/poll?i=${i}` })));
// A name typed one increment per event, far apart: only an in-order scan of every input finds it.
const events = ['Merr', 'itt ', 'Flat', 'ley'].flatMap((piece) => [...traffic(60), input(4242, piece), appendText(77, piece)]);
const path = writeRecording(tempDir(), 'typed.json', events, 'array');

describe('a helper thread that fails never costs a finding', () => {
  it.each(['never-starts', 'dies'] as const)('helper %s: the scan is redone on one thread, with every finding', async (mode) => {
    behaviour.mode = mode;
    const one = await scanRecording(path, { canaries, patterns: true, threads: false, highWaterMark: 1024 });
    expect(one.findings.map((f) => [f.label, f.encoding])).toContainEqual(['typed name', 'split']);
    const stats = {} as ScanStats;
    const shared = await scanRecording(path, { canaries, patterns: true, threads: true, highWaterMark: 1024, share: 'needed', stats });
    expect(stats.rescanned).toBe(true);
    expect(shared).toEqual(one);
  });
});
