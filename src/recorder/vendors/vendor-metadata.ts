/**
 * What a vendor SDK sent beside the rrweb events, kept as an ingest batch's metadata so that it is
 * scanned for leaks like the events: Sentry's replay_event and error events, PostHog's analytics
 * events and $snapshot properties.
 */
export interface VendorMetadata {
  vendor: 'sentry' | 'posthog';
  /** What it is: "replay_event", "event" (a Sentry error), "session", "$snapshot", "events", ... */
  kind: string;
  payload: unknown;
  /** What the request carried around it (Sentry's envelope header: trace context, replay id, sdk). */
  header?: unknown;
}

export function isVendorMetadata(value: unknown): value is VendorMetadata {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<VendorMetadata>;
  return (candidate.vendor === 'sentry' || candidate.vendor === 'posthog') && typeof candidate.kind === 'string';
}
