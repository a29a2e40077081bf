import type { Canary } from './findings.ts';
import type { CapturedRecording } from './recording.ts';
import type { AuditResult } from './verdict.ts';
import type { VisualProof } from './visual.ts';

/** What ATTACHMENT_EVIDENCE holds. */
export interface EvidencePaths {
  recording: string;
  evidence: string;
  visual: VisualProof[];
  appUrl?: string;
  browserVersion?: string;
}

/**
 * What the report shows of a journey's evidence file, computed when the evidence is written (the report
 * renders it and runs no check of its own).
 */
export interface EvidenceSummary {
  totalEvents: number;
  /** Events by rrweb type name ("FullSnapshot", "IncrementalSnapshot", ...). */
  eventCounts: Record<string, number>;
  ingestRequests: number;
  /** Requests as the recorder wrote them down (not yet scrubbed: the renderer scrubs). */
  network: { method: string | undefined; url: string; status: number | undefined; shape: string }[];
}

/** Everything one journey captured and concluded, as written next to its recording. */
export interface Evidence {
  config: string;
  /** Which recorder: a vendor kind of the registry (absent in evidence written before vendors existed). */
  recorder?: string;
  recording: CapturedRecording;
  canaries: Canary[];
  verdicts: AuditResult[];
  /** The visual proofs made at the journey's key moments. */
  visual?: VisualProof[];
  /** What the report shows of it (absent in evidence written before summaries were). */
  summary?: EvidenceSummary;
}
