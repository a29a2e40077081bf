import { EventEmitter, once } from 'node:events';
import type { BrowserContext, Page, Request } from '@playwright/test';
import type { eventWithTime } from '@rrweb/types';
import type { RecorderConfig } from '../config/recorder-config.ts';
import { INGEST_BINDING, buildInitScript } from '../recorder/init-script.ts';

/** One rrweb event with the page URL it was delivered from. */
export interface CapturedEvent {
  event: eventWithTime;
  /** location.href of the page when its batch left the page. */
  pageUrl: string;
  /** Which ingest request carried it. */
  ingest: number;
}

/** One call the recorder made to send events: the equivalent of a POST to a vendor's ingest endpoint. */
export interface IngestRequest {
  index: number;
  pageUrl: string;
  eventCount: number;
  receivedAt: number;
}

/** A request the app itself made, as Playwright saw it on the wire (ground truth for the network checks). */
export interface ObservedRequest {
  method: string;
  url: string;
  resourceType: string;
  pageUrl: string;
}

export interface CapturedRecording {
  events: CapturedEvent[];
  ingests: IngestRequest[];
  pageRequests: ObservedRequest[];
}

function isBatch(value: unknown): value is { url: string; events: eventWithTime[] } {
  if (typeof value !== 'object' || value === null) return false;
  const batch = value as { url?: unknown; events?: unknown };
  return typeof batch.url === 'string' && Array.isArray(batch.events);
}

/** Installs the recorder in a browser context and keeps everything it emits. */
export class RecordingCapture {
  readonly events: CapturedEvent[] = [];
  readonly ingests: IngestRequest[] = [];
  readonly pageRequests: ObservedRequest[] = [];
  /** Batches that did not look like recorder output: kept as evidence of a broken recorder. */
  readonly malformed: unknown[] = [];

  private readonly arrivals = new EventEmitter();

  constructor(private readonly config: RecorderConfig) {}

  async attach(context: BrowserContext): Promise<void> {
    await context.exposeBinding(INGEST_BINDING, (_source, batch: unknown) => this.receive(batch));
    await context.addInitScript({ content: buildInitScript(this.config) });
    context.on('request', (request) => this.observe(request));
  }

  private receive(batch: unknown): void {
    if (!isBatch(batch)) {
      this.malformed.push(batch);
      return;
    }
    const index = this.ingests.length;
    this.ingests.push({ index, pageUrl: batch.url, eventCount: batch.events.length, receivedAt: Date.now() });
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
    let pageUrl = '';
    try {
      pageUrl = request.frame().url();
    } catch {
      // Service-worker requests have no frame.
    }
    this.pageRequests.push({ method: request.method(), url: request.url(), resourceType: request.resourceType(), pageUrl });
  }

  /** Waits until every event the pages emitted so far has been delivered. No sleeping: the page's flush resolves when the binding calls return. */
  async flush(pages: Page[]): Promise<void> {
    await Promise.all(
      pages
        .filter((page) => !page.isClosed())
        .map((page) =>
          page
            .evaluate(() => (window as unknown as { __maskproof?: { flush(): Promise<void> } }).__maskproof?.flush())
            .catch(() => undefined),
        ),
    );
  }

  snapshot(): CapturedRecording {
    return { events: [...this.events], ingests: [...this.ingests], pageRequests: [...this.pageRequests] };
  }
}
