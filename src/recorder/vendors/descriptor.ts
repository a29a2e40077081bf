import type { eventWithTime } from '@rrweb/types';
import type { ObserveConfig } from '../observe/observe-config.ts';

/** One request to an observed ingest, as the observe adapter hands it to a vendor's decoder. */
export interface ObservedIngestRequest {
  method: string;
  url: string;
  body: Buffer | null;
  headers: Record<string, string>;
}

/** What observe mode needs to know of a vendor: where its recorder sends, and how to read it. */
export interface ObserveDescriptor {
  /** The recorder has no endpoint of its own (rrweb posts wherever the app says): `ingest.url` must be given. */
  ingestUrlRequired?: boolean;
  /** The ingest requests to intercept (a Playwright URL glob, RegExp or predicate). */
  matcher(config: ObserveConfig): string | RegExp | ((url: URL) => boolean);
  /** The rrweb events in one request; throws PayloadDecodeError when it is not what the recorder sends. */
  decode(request: ObservedIngestRequest, config: ObserveConfig): eventWithTime[];
}

/** A recorder vendor as maskproof knows it (today: its observe mode). */
export interface VendorDescriptor {
  kind: string;
  label: string;
  observe?: ObserveDescriptor;
}
