/**
 * The main thread's side of the helper thread: starts it, hands it packed batches in order, and
 * hands back what it found. Batches handed over before the helper is up wait here; the caller bounds
 * how many are outstanding (`backlog`, `whenBacklogBelow`), so memory stays bounded. If the helper
 * cannot start or dies, its batches come back "lost": the caller redoes the scan on one thread.
 */
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../detect/types.ts';
import { moduleExtension } from '../package-root.ts';
import { helperBundle } from './helper-bundle.ts';
import type { PatternTable } from '../detect/index.ts';
import { tableParts } from '../detect/index.ts';
import { type PackedBatch, type TableMessage, type WorkerReply, type WorkerSetup, packBatch, transferList } from './protocol.ts';

/** Events of a batch, before packing. */
export interface BatchEvents {
  elements: Buffer[];
  indexes: number[];
  lines: number[] | undefined;
  /** .json only: each event's object members, counted by the splitter. */
  members?: number[] | undefined;
}

export type BatchOutcome = Extract<WorkerReply, { kind: 'done' }> | Extract<WorkerReply, { kind: 'failed' }> | { kind: 'lost' };

export class ScanHelper {
  private worker: Worker | undefined;
  private readonly waiting: (PackedBatch | TableMessage)[] = [];
  private readonly pending = new Map<number, (outcome: BatchOutcome) => void>();
  private readonly backlogWaiters: { limit: number; resolve: () => void }[] = [];
  private finishing: ((findings: Finding[] | 'lost') => void) | undefined;
  private nextId = 0;
  private ready = false;
  private dead = false;
  private readonly booted: Promise<void>;
  /** Resolves once the helper is ready (true) or could not start (false). */
  readonly started: Promise<boolean>;

  constructor(setup: WorkerSetup) {
    let settle!: (ready: boolean) => void;
    this.started = new Promise((resolve) => (settle = resolve));
    const launch = (source: string) => {
      if (this.dead) return settle(false);
      const worker = new Worker(source, { eval: true, workerData: setup });
      this.worker = worker;
      this.listen(worker, settle);
      for (const message of this.waiting.splice(0)) worker.postMessage(message, message.kind === 'batch' ? transferList(message) : []);
    };
    const bundle = helperBundle(fileURLToPath(new URL(`./scan-worker${moduleExtension}`, import.meta.url)));
    // Cached: the thread starts now, before this one gets busy.
    if (typeof bundle === 'string') {
      launch(bundle);
      this.booted = Promise.resolve();
    } else {
      this.booted = bundle.then(launch, () => this.die(settle));
    }
  }

  /** Batches handed over and not answered yet. */
  get backlog(): number {
    return this.pending.size;
  }

  /** Whether the helper has started and is about to run out of work. */
  get hungry(): boolean {
    return this.ready && this.pending.size <= 1;
  }

  /** The main thread's pattern table, for a helper started with `tableFollows`: call before any scan(). */
  shareTable(table: PatternTable): void {
    const message: TableMessage = { kind: 'table', table: tableParts(table) };
    if (this.dead) return;
    if (this.worker) this.worker.postMessage(message);
    else this.waiting.push(message);
  }

  scan(events: BatchEvents): Promise<BatchOutcome> {
    const batch = packBatch(this.nextId++, events.elements, events.indexes, events.lines, events.members);
    if (this.dead) return Promise.resolve({ kind: 'lost' });
    return new Promise((resolve) => {
      this.pending.set(batch.id, resolve);
      if (this.worker) this.worker.postMessage(batch, transferList(batch));
      else this.waiting.push(batch);
    });
  }

  /** Resolves once fewer than `limit` batches are outstanding. */
  whenBacklogBelow(limit: number): Promise<void> {
    if (this.pending.size < limit) return Promise.resolve();
    return new Promise((resolve) => this.backlogWaiters.push({ limit, resolve }));
  }

  /** After the last batch: the findings that span events, or 'lost' if the helper died. */
  async finish(): Promise<Finding[] | 'lost'> {
    // The reading thread may be done before the helper's code is even built (one large event it scanned itself).
    await this.booted;
    if (this.dead || !this.worker) return 'lost';
    const worker = this.worker;
    return new Promise((resolve) => {
      this.finishing = resolve;
      worker.postMessage({ kind: 'end' });
    });
  }

  async close(): Promise<void> {
    this.dead = true;
    await this.booted;
    await this.worker?.terminate();
  }

  private listen(worker: Worker, settle: (ready: boolean) => void): void {
    worker.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'ready') {
        this.ready = true;
        settle(true);
      } else if (reply.kind === 'finished') {
        this.finishing?.(reply.findings);
      } else {
        const resolve = this.pending.get(reply.id);
        this.pending.delete(reply.id);
        resolve?.(reply);
        this.wakeBacklogWaiters();
      }
    });
    worker.on('error', () => this.die(settle));
    worker.on('exit', () => this.die(settle));
  }

  private wakeBacklogWaiters(): void {
    for (let i = this.backlogWaiters.length - 1; i >= 0; i--) {
      const waiter = this.backlogWaiters[i]!;
      if (this.pending.size >= waiter.limit) continue;
      this.backlogWaiters.splice(i, 1);
      waiter.resolve();
    }
  }

  private die(settle: (ready: boolean) => void): void {
    if (this.dead) return;
    this.dead = true;
    this.ready = false;
    settle(false);
    for (const resolve of this.pending.values()) resolve({ kind: 'lost' });
    this.pending.clear();
    this.wakeBacklogWaiters();
    this.finishing?.('lost');
  }
}
