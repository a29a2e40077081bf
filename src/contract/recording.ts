/**
 * The plain shapes every layer reads: what a capture holds, and the requests and errors a recorder
 * wrote down, already turned from each vendor's own shape into one plain form at capture time. A leaf:
 * it imports nothing of maskproof at runtime, so src/verdict and src/report can read recordings
 * without importing any vendor code (tests/unit/contract/import-rules.test.ts checks this).
 */
import type { eventWithTime } from '@rrweb/types';

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
  /** What a vendor sent beside the events (its replay or error events, analytics), scanned like the events. */
  metadata?: unknown;
}

/** A request the app itself made, as Playwright saw it on the wire (ground truth for the network checks). */
export interface ObservedRequest {
  method: string;
  url: string;
  resourceType: string;
  pageUrl: string;
}

/** A network request as a recorder wrote it down, reduced to what the checks compare. */
export interface RecordedRequest {
  /** Absent where the recorder writes none (timing-only entries). */
  method: string | undefined;
  url: string;
  /** The response status, where the recorder writes one. */
  status?: number;
  /** Which recorder shape it came from, e.g. "maskproof/network" (for the report). */
  shape: string;
  /** The event that holds it; absent for a request a vendor sent beside the replay (ingest metadata). */
  eventIndex?: number;
}

/** An error as a recorder wrote it down. */
export interface RecordedError {
  /** Which recorder shape it came from, e.g. "maskproof/error". */
  shape: string;
  /** The event that holds it; absent for an error a vendor sent beside the replay (ingest metadata). */
  eventIndex?: number;
}

export interface CapturedRecording {
  events: CapturedEvent[];
  ingests: IngestRequest[];
  pageRequests: ObservedRequest[];
  /** What reached the ingest and did not decode (a broken recorder, or a decoder that fell behind): not checked. Absent in evidence written before it existed. */
  malformedPayloads?: { payload: unknown; why: string }[];
  /** The fetch/XHR requests the recorder wrote down, whatever its shape (read at capture time by the vendors' readers). */
  requests: RecordedRequest[];
  /** The errors the recorder wrote down, whatever its shape. */
  errors: RecordedError[];
}

/** What a recorder can be asked to do; a check it cannot support is "inapplicable", never green. */
export interface RecorderCapabilities {
  /** It can be told never to record some routes. */
  routeBlocking: boolean;
  /** It records network requests. */
  networkRecording: boolean;
  /** It records errors. */
  errorRecording: boolean;
}

/**
 * What the verdict needs to know of the recorder under test, as plain data (its vendor descriptor's
 * answers for the config, src/recorder/vendors/traits.ts).
 */
export interface RecorderTraits {
  kind: string;
  /** How messages name it: "rrweb", "Sentry", "PostHog". */
  name: string;
  /** The product: "rrweb", "Sentry Replay", "PostHog". */
  label: string;
  capabilities: RecorderCapabilities;
  /** Why it cannot leave routes unrecorded (read when capabilities.routeBlocking is false). */
  noRouteBlocking: string;
  /**
   * Where consent, sampling, opt-out and URL stripping are decided: "policy" (the recorder config's
   * collection policy, enforced by maskproof's wrapper: checkable), or "app-code" (the harness starts
   * the SDK at page load, and these live in the app's integration code around it: not checkable).
   */
  collectionWindow: 'policy' | 'app-code';
}

/**
 * What a vendor SDK sent beside the rrweb events, kept as an ingest batch's metadata so that it is
 * scanned for leaks like the events (a replay event, error events, analytics events).
 */
export interface VendorMetadata {
  /** The vendor's kind in the registry. */
  vendor: string;
  /** What it is: "replay_event", "event" (an error), "session", "$snapshot", "events", ... */
  kind: string;
  payload: unknown;
  /** What the request carried around it (an envelope header: trace context, replay id, sdk). */
  header?: unknown;
}

export function isVendorMetadata(value: unknown): value is VendorMetadata {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<VendorMetadata>;
  return typeof candidate.vendor === 'string' && typeof candidate.kind === 'string';
}
