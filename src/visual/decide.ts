import type { BoxCheck, VisualThresholds } from './types.ts';

const percent = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** Reasons shown per key moment; the rest are counted. */
const MAX_BOX_REASONS = 8;

function what(box: BoxCheck): string {
  if (box.on === 'field') return box.planted ? `the value typed into ${box.label}` : `the value of ${box.label}, which the config masks`;
  if (box.on === 'element') return `the content of ${box.label}, which the config blocks`;
  if (box.on === 'page') return `the page on never-recorded route ${box.label}`;
  return box.planted ? `a planted value in ${box.label}` : `text in ${box.label}, which the config masks`;
}

/** The boxes that failed, one per label (its lowest difference), planted values first. */
export function failedBoxes(boxes: readonly BoxCheck[]): BoxCheck[] {
  const byLabel = new Map<string, BoxCheck>();
  for (const box of boxes) {
    if (box.hidden) continue;
    const key = `${box.kind}|${box.label}`;
    const seen = byLabel.get(key);
    if (!seen || box.diffRatio < seen.diffRatio) byLabel.set(key, box);
  }
  return [...byLabel.values()].sort((a, b) => Number(b.planted) - Number(a.planted) || a.diffRatio - b.diffRatio);
}

/**
 * The visual verdict at one key moment: every box where the live page showed a value must look
 * different in the replay, and the rest of the replay must match the live page. One line per failure,
 * naming the element, never its value.
 */
export function decideVisual(name: string, boxes: readonly BoxCheck[], outsideDiffRatio: number | null, thresholds: VisualThresholds): { status: 'pass' | 'fail'; reasons: string[] } {
  const reasons: string[] = [];
  const failed = failedBoxes(boxes);
  for (const box of failed.slice(0, MAX_BOX_REASONS)) {
    reasons.push(`replay at "${name}" shows ${what(box)} (box differs in ${percent(box.diffRatio)} of pixels, at least ${percent(thresholds.minHiddenDiff)} required)`);
  }
  if (failed.length > MAX_BOX_REASONS) reasons.push(`replay at "${name}" shows ${failed.length - MAX_BOX_REASONS} more boxes the live page showed (see the report)`);
  if (outsideDiffRatio !== null && outsideDiffRatio > thresholds.maxOutsideDiff) {
    reasons.push(
      `replay at "${name}" differs from the live page in ${percent(outsideDiffRatio)} of the pixels outside the masked boxes (at most ${percent(thresholds.maxOutsideDiff)} allowed): it is not a faithful record of the page`,
    );
  }
  return { status: reasons.length ? 'fail' : 'pass', reasons };
}
