import type { AuditResult } from '../verdict/audit.ts';
import { DEFAULT_THRESHOLDS } from './compare.ts';
import type { VisualProof } from './types.ts';

/** What the report and results.json keep of a visual proof in the verdict's details. */
export function visualSummary(proof: VisualProof) {
  return {
    name: proof.name,
    status: proof.status,
    outsideDiffRatio: proof.outsideDiffRatio,
    boxesChecked: proof.boxes.length,
    boxesShown: proof.boxes.filter((b) => !b.hidden).length,
    images: proof.images,
  };
}

/**
 * A journey's verdict with its visual proofs folded in: the audit says what the recording holds,
 * the proof what a replay of it shows. Either failing fails the journey; a proof never turns a
 * failing or inapplicable audit green. The audits stay pure functions of the recording.
 */
export function withVisualProofs(result: AuditResult, proofs: readonly VisualProof[], failureTitle: string): AuditResult {
  if (proofs.length === 0) return result;
  const details = { ...result.details, visual: proofs.map(visualSummary) };
  const reasons = proofs.flatMap((p) => p.reasons);
  if (reasons.length === 0) return { ...result, details };
  return { ...result, status: 'fail', title: failureTitle, reasons: [...result.reasons, ...reasons], details };
}

/** A proof that could not be made (the replay crashed, no page was open): a failure that says why. */
export function failedProof(name: string, reason: string): VisualProof {
  return {
    name,
    status: 'fail',
    reasons: [reason],
    path: '',
    lastEventTimestamp: null,
    eventsReplayed: 0,
    viewport: { width: 0, height: 0 },
    thresholds: DEFAULT_THRESHOLDS,
    outsideDiffRatio: null,
    boxes: [],
    regionCounts: {},
    focus: { x: 0, y: 0, width: 0, height: 0 },
    images: null,
    durationMs: 0,
  };
}
