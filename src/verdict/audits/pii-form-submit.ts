import { redact } from '../../detect/index.ts';
import { type PrivacyAudit, outcome } from '../audit.ts';
import { leakReasons, plantedValuesFound, scannableEvents } from '../leaks.ts';
import { eventsOf, inputEvents, isMasked, nodeIdsByElementId } from '../recording-queries.ts';

export interface PiiFormSubmitOptions {
  /** `id` attributes of the form fields the journey filled. */
  fields: string[];
}

export const piiFormSubmitAudit: PrivacyAudit<PiiFormSubmitOptions> = {
  title: 'Form fields are recorded as **** and no planted value appears anywhere',
  failureTitle: 'Personal data typed into the form reached the recording',
  requiredArtifacts: ['recording', 'canaries'],
  audit({ recording, canaries }, { fields }) {
    const events = eventsOf(recording.events);
    const reasons: string[] = [];
    const nodeIds = nodeIdsByElementId(events);
    const inputs = inputEvents(events);
    const fieldDetails: Record<string, { inputEvents: number; masked: boolean }> = {};
    for (const field of fields) {
      const ids = nodeIds.get(field);
      if (!ids) {
        reasons.push(`field #${field} is not in the recording (blocked or never rendered), so it cannot show ****`);
        continue;
      }
      const typed = inputs.filter((input) => ids.has(input.nodeId));
      const unmasked = typed.filter((input) => !isMasked(input.text));
      fieldDetails[field] = { inputEvents: typed.length, masked: unmasked.length === 0 };
      if (typed.length === 0) reasons.push(`no input events recorded for field #${field}`);
      else if (typed.every((input) => input.text.length === 0)) reasons.push(`field #${field} was recorded empty, not as ****`);
      const last = unmasked.at(-1);
      if (last) reasons.push(`field #${field} recorded unmasked input in ${unmasked.length} ${unmasked.length === 1 ? 'event' : 'events'}, last: ${redact(last.text, 'text')}`);
    }
    const scanned = scannableEvents(recording);
    const findings = plantedValuesFound(scanned, canaries);
    reasons.push(...leakReasons(findings, scanned));
    return outcome(reasons, findings, { fields: fieldDetails, events: events.length });
  },
};
