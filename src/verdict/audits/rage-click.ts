import { MouseInteractions } from '@rrweb/types';
import { type PrivacyAudit, capabilitiesOf, outcomeWithGaps } from '../audit.ts';
import { leakReasons, plantedValuesFound, scannableEvents } from '../leaks.ts';
import { eventsOf, mouseInteractions, nodeIdsByElementId } from '../recording-queries.ts';

export interface RageClickOptions {
  /** `id` attribute of the erroring button. */
  button: string;
  /** How many clicks make a rage click, and within how long. */
  minClicks: number;
  windowMs: number;
}

/** The most clicks that fall inside any window of `windowMs`. */
function densestBurst(timestamps: number[], windowMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let best = 0;
  for (let start = 0, end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! > windowMs) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

export const rageClickAudit: PrivacyAudit<RageClickOptions> = {
  title: 'The rage click and its errors are captured, with masking applied',
  failureTitle: 'The rage click was not captured, or was captured unmasked',
  requiredArtifacts: ['recording', 'canaries', 'recorder'],
  audit(artifacts, { button, minClicks, windowMs }) {
    const { recording, canaries, recorder } = artifacts;
    const events = eventsOf(recording.events);
    const reasons: string[] = [];
    const gaps: string[] = [];
    const ids = nodeIdsByElementId(events).get(button);
    const clicks = ids ? mouseInteractions(events).filter((i) => i.type === MouseInteractions.Click && ids.has(i.nodeId)) : [];
    const burst = densestBurst(clicks.map((c) => c.timestamp), windowMs);
    if (!ids) reasons.push(`button #${button} is not in the recording`);
    else if (burst < minClicks) {
      reasons.push(`only ${burst} clicks on #${button} recorded within ${windowMs} ms (expected at least ${minClicks}; ${clicks.length} recorded in all)`);
    }
    // Each recorder's own shape, read into plain errors at capture time.
    const errors = recording.errors;
    if (errors.length === 0) {
      if (capabilitiesOf(artifacts).errorRecording) reasons.push('the error thrown by the button was not recorded');
      else gaps.push(`the ${recorder.name} recorder config does not record errors, so the error thrown by the button cannot be checked`);
    }
    const scanned = scannableEvents(recording);
    const findings = plantedValuesFound(scanned, canaries);
    reasons.push(...leakReasons(findings, scanned));
    return outcomeWithGaps(reasons, gaps, findings, {
      buttonNodeIds: ids ? [...ids] : [],
      clicksRecorded: clicks.length,
      densestBurst: burst,
      errorsRecorded: errors.length,
      errorShapes: [...new Set(errors.map((e) => e.shape))],
    });
  },
};
