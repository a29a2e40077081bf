import { EventEmitter, once } from 'node:events';
import type { BrowserContext, Page, Request } from '@playwright/test';
import type { eventWithTime } from '@rrweb/types';
import type { CapturedEvent, CapturedRecording, IngestRequest, ObservedRequest } from '../contract/recording.ts';
import type { IngestBatch, IngestSink, RecorderAdapter } from '../recorder/adapter.ts';
import { readRecorded } from '../recorder/vendors/readers.ts';

export type { CapturedEvent, CapturedRecording, IngestRequest, ObservedRequest, RecordedError, RecordedRequest } from '../contract/recording.ts';

/** Requests the harness itself makes in the page (observe mode's flush mark): not the app's. */
const HARNESS_PATH = '/__maskproof__/';

/** Installs a recorder (through its adapter) in a browser context and keeps everything it sends. */
export class RecordingCapture implements IngestSink {
  readonly events: CapturedEvent[] = [];
  readonly ingests: IngestRequest[] = [];
  readonly pageRequests: ObservedRequest[] = [];
  /** Payloads that did not decode as recorder output: kept as evidence of a broken recorder. */
  readonly malformedPayloads: { payload: unknown; why: string }[] = [];

  private readonly arrivals = new EventEmitter();

  constructor(readonly adapter: RecorderAdapter) {}

  async attach(context: BrowserContext): Promise<void> {
    await this.adapter.install(context, this);
    context.on('request', (request) => this.observe(request));
  }

  malformed(payload: unknown, why: string): void {
    this.malformedPayloads.push({ payload, why });
  }

  receive(batch: IngestBatch): void {
    const index = this.ingests.length;
    this.ingests.push({ index, pageUrl: batch.url, eventCount: batch.events.length, receivedAt: Date.now(), metadata: batch.metadata });
    for (const event of batch.events) this.events.push({ event, pageUrl: batch.url, ingest: index });
    this.arrivals.emit('batch');
  }

  /**
   * Resolves true as soon as a recorded event matches, false after `timeoutMs` without one.
   * For what a recorder emits on its own schedule (rrweb batches touch-move positions every 500 ms):
   * waits on arrivals, never sleeps a fixed time. A false result is left for the audit to report.
   */
  async waitForEvent(predicate: (event: eventWithTime) => boolean, timeoutMs: number): Promise<boolean> {
    if (this.events.some((e) => predicate(e.event))) return true;
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      for (;;) {
        const seen = this.events.length;
        await once(this.arrivals, 'batch', { signal });
        if (this.events.slice(seen).some((e) => predicate(e.event))) return true;
      }
    } catch {
      return false;
    }
  }

  private observe(request: Request): void {
    if (new URL(request.url()).pathname.startsWith(HARNESS_PATH)) return;
    let pageUrl = '';
    try {
      pageUrl = request.frame().url();
    } catch {
      // Service-worker requests have no frame.
    }
    this.pageRequests.push({ method: request.method(), url: request.url(), resourceType: request.resourceType(), pageUrl });
  }

  /** Waits until everything the pages' recorder holds has been delivered. */
  async flush(pages: Page[]): Promise<void> {
    await this.adapter.flush(pages);
  }

  /** What was captured, with each vendor's request and error shapes read into plain ones here, at capture time. */
  snapshot(): CapturedRecording {
    const events = [...this.events];
    const ingests = [...this.ingests];
    return { events, ingests, pageRequests: [...this.pageRequests], malformedPayloads: [...this.malformedPayloads], ...readRecorded(events, ingests) };
  }
}
