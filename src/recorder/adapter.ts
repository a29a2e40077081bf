import type { BrowserContext, Page } from '@playwright/test';
import type { eventWithTime } from '@rrweb/types';

/** A batch of events as it left the page: one ingest request. */
export interface IngestBatch {
  /** location.href of the page when the batch was sent. */
  url: string;
  events: eventWithTime[];
  /** Extra data the vendor sent with the batch (e.g. Sentry's replay_event), kept for scanning. */
  metadata?: unknown;
}

/** Where an adapter delivers what the recorder sent. */
export interface IngestSink {
  receive(batch: IngestBatch): void;
  /** Something arrived that did not decode as recorder output: kept as evidence of a broken recorder. */
  malformed(payload: unknown, why: string): void;
}

export type { RecorderCapabilities } from '../contract/recording.ts';
import type { RecorderCapabilities } from '../contract/recording.ts';

/**
 * One session-replay recorder as maskproof drives it: rrweb directly, or a vendor SDK built on it.
 * Each adapter installs the recorder into a browser context, intercepts what it sends, and decodes
 * it back into rrweb events for the sink.
 */
export interface RecorderAdapter {
  readonly name: string;
  readonly capabilities: RecorderCapabilities;
  install(context: BrowserContext, sink: IngestSink): Promise<void>;
  /** Makes the recorder send everything it holds now; resolves when it has reached the sink. */
  flush(pages: Page[]): Promise<void>;
}
