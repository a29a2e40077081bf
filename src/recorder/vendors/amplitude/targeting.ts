import type { AmplitudeRemoteConfig, AmplitudeTargetingFlag } from './options.ts';

/**
 * The remote sr_targeting_config in words. @amplitude/session-replay-browser 1.51.6 evaluates it with
 * @amplitude/targeting (targeting-manager.js) at init and on each URL change while the session has not
 * matched; the session is recorded when the flag lands on the variant keyed 'on'. A match is kept for
 * the session (monotonic, and cached in IndexedDB across page loads), so later pages are recorded
 * whatever the conditions say. With targeting, sample_rate is not used (session-replay.js getShouldRecord).
 */
export function targetingInWords(flag: AmplitudeTargetingFlag): string {
  const rules = flag.segments.map((segment) => {
    const when = segment.conditions?.length
      ? segment.conditions.map((all) => all.map((c) => `${c.selector.filter((part) => part !== 'context').join('.')} ${c.op} ${c.values.join(' / ')}`).join(' and ')).join(' or ')
      : segment.bucket
        ? 'a bucketed share of sessions'
        : 'otherwise';
    return `${when} → '${flag.variants[segment.variant ?? '']?.key ?? segment.variant ?? 'no variant'}'`;
  });
  return rules.join('; ');
}

/** Whether any segment can land on the 'on' variant (a flag without one records nothing). */
export function targetingCanRecord(flag: AmplitudeTargetingFlag): boolean {
  return flag.segments.some((segment) => segment.variant !== undefined && (flag.variants[segment.variant]?.key ?? segment.variant) === 'on');
}

export function targetingLine(remote: AmplitudeRemoteConfig): string | undefined {
  const flag = remote.sr_targeting_config;
  if (!flag) return undefined;
  if (!targetingCanRecord(flag)) return "NONE: the remote sr_targeting_config has no segment on its 'on' variant";
  return `only sessions the remote sr_targeting_config puts on 'on' (${targetingInWords(flag)}); evaluated at init and on URL changes until it matches, then the whole session is recorded, every later page included; sample_rate not used`;
}
