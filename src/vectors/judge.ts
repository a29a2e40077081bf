import type { CapturedRecording } from '../capture/recording-capture.ts';
import type { Canary } from '../detect/types.ts';
import type { ConfigRole, LeakVector } from './catalog.ts';
import { sentEvents } from './recorded-events.ts';
import { blockedElementsRecordedInFull } from './structure.ts';
import { type VectorVerdict, decideVector, plantedFindings } from './verdict.ts';

/**
 * A vector's verdict from what the recorder sent: its planted values searched in every event (and the page
 * URL of every batch), plus the vector's structural check. Pure, so a verdict re-derives from evidence files.
 */
export function judgeRecording(vector: LeakVector, role: ConfigRole, recording: CapturedRecording, canaries: readonly Canary[]): VectorVerdict {
  const events = sentEvents(recording);
  return decideVector(vector, role, {
    planted: plantedFindings(events, canaries),
    structural: vector.checksBlockedPlaceholders ? blockedElementsRecordedInFull(events) : [],
  });
}
