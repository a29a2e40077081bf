import type { EvidenceSummary } from '../contract/evidence.ts';
import type { CapturedRecording } from '../contract/recording.ts';
import { countByType, eventsOf } from './recording-queries.ts';

/**
 * What the report shows of a journey's evidence: computed here, when the evidence is written (the
 * fixture calls it), so that the report only renders it and never runs a query of its own.
 */
export function summarizeRecording(recording: CapturedRecording): EvidenceSummary {
  const events = eventsOf(recording.events);
  return {
    totalEvents: events.length,
    eventCounts: countByType(events),
    ingestRequests: recording.ingests.length,
    // Read into plain requests at capture time (evidence written before then has none).
    network: (recording.requests ?? []).map((r) => ({ method: r.method, url: r.url, status: r.status, shape: r.shape })),
  };
}
