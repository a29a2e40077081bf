import type { eventWithTime } from '@rrweb/types';
import type { ObserveConfig } from '../observe/observe-config.ts';

/** One request to an observed ingest, as the observe adapter hands it to a vendor's decoder. */
export interface ObservedIngestRequest {
  method: string;
  url: string;
  body: Buffer | null;
  headers: Record<string, string>;
}

/** A Playwright URL matcher: a glob, a RegExp or a predicate. */
export type IngestUrlMatcher = string | RegExp | ((url: URL) => boolean);

/** What one ingest request carried, for a vendor that sends more than rrweb events (Sentry's replay_event, error events). */
export interface ObservedDecoded {
  /** Each with the events (possibly none) and what else the vendor sent with them, kept for scanning. */
  batches: { events: eventWithTime[]; metadata?: unknown }[];
  /** The JSON body the vendor's SDK expects back (default `{}`). */
  reply?: string;
}

/** What observe mode needs to know of a vendor: where its recorder sends, and how to read it. */
export interface ObserveDescriptor {
  /** The recorder has no endpoint of its own (rrweb posts wherever the app says): `ingest.url` must be given. */
  ingestUrlRequired?: boolean;
  /** The ingest requests to intercept (one matcher, or several: a vendor's own host and the app's tunnel path). */
  matcher(config: ObserveConfig): IngestUrlMatcher | IngestUrlMatcher[];
  /** The rrweb events in one request (or batches with metadata); throws PayloadDecodeError when it is not what the recorder sends. */
  decode(request: ObservedIngestRequest, config: ObserveConfig): eventWithTime[] | ObservedDecoded;
  /**
   * The recorder sends what a flush collected later, asynchronously (Sentry compresses in a worker first):
   * after the lifecycle signal the harness waits for the next ingest request to arrive, at most this long
   * (a bound for a recorder with nothing to send, e.g. a route it does not record; not a pause).
   */
  asyncFlushLimitMs?: number;
}

/** A recorder vendor as maskproof knows it (today: its observe mode). */
export interface VendorDescriptor {
  kind: string;
  label: string;
  observe?: ObserveDescriptor;
}
