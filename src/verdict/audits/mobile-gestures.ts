import { MouseInteractions } from '@rrweb/types';
import { redact } from '../../detect/index.ts';
import { type PrivacyAudit, outcome } from '../audit.ts';
import { leakReasons, plantedValuesFound, scannableEvents } from '../leaks.ts';
import { eventsOf, isMasked, mouseInteractions, nodeIdsByElementId, textNodes, touchMoves } from '../recording-queries.ts';

export interface MobileGesturesOptions {
  /** `id` of the element the journey tapped, and of the one it swiped on. */
  tapTarget: string;
  swipeArea: string;
}

export const mobileGesturesAudit: PrivacyAudit<MobileGesturesOptions> = {
  title: 'Touch gestures are captured and no text is recorded',
  failureTitle: 'Touch gestures were lost, or page text was recorded',
  requiredArtifacts: ['recording', 'canaries'],
  audit({ recording, canaries }, { tapTarget, swipeArea }) {
    const events = eventsOf(recording.events);
    const reasons: string[] = [];
    const ids = nodeIdsByElementId(events);
    const interactions = mouseInteractions(events);
    const on = (elementId: string, type: MouseInteractions) => {
      const nodes = ids.get(elementId);
      return interactions.filter((i) => i.type === type && nodes?.has(i.nodeId)).length;
    };
    const tap = { touchStart: on(tapTarget, MouseInteractions.TouchStart), touchEnd: on(tapTarget, MouseInteractions.TouchEnd) };
    const swipe = {
      touchStart: on(swipeArea, MouseInteractions.TouchStart),
      touchEnd: on(swipeArea, MouseInteractions.TouchEnd),
      touchMovePositions: touchMoves(events),
    };
    if (tap.touchStart === 0 || tap.touchEnd === 0) reasons.push(`tap on #${tapTarget} not captured as TouchStart + TouchEnd (got ${tap.touchStart} + ${tap.touchEnd})`);
    if (swipe.touchStart === 0 || swipe.touchEnd === 0 || swipe.touchMovePositions === 0) {
      reasons.push(`swipe on #${swipeArea} not captured as TouchStart, TouchMove, TouchEnd (got ${swipe.touchStart}, ${swipe.touchMovePositions}, ${swipe.touchEnd})`);
    }
    const visibleText = textNodes(events).filter((t) => !t.isStyle);
    const unmasked = visibleText.filter((t) => !isMasked(t.text));
    if (unmasked.length > 0) {
      const sample = unmasked.slice(0, 3).map((t) => `node ${t.nodeId} "${redact(t.text.trim(), 'text')}"`).join(', ');
      reasons.push(`${unmasked.length} of ${visibleText.length} recorded text nodes carry unmasked text, e.g. ${sample}`);
    }
    const scanned = scannableEvents(recording);
    const findings = plantedValuesFound(scanned, canaries);
    reasons.push(...leakReasons(findings, scanned));
    return outcome(reasons, findings, { tap, swipe, textNodes: visibleText.length, unmaskedTextNodes: unmasked.length });
  },
};
