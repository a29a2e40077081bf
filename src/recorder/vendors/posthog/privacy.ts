import type { PosthogRecorderConfig } from './config.ts';
import type { PrivacySetting } from '../../../contract/settings.ts';
import { anyOf, maskedInputs as maskedInputTypes } from '../../../visual/selector-rules.ts';
import type { PrivacySelectors } from '../../../visual/types.ts';
import { list, maskedInputs, onOff, selectors } from '../settings-words.ts';

/** posthog-js session recording: ph-* classes, inputs masked by default, password added to any maskInputOptions. */
export function posthogSelectors({ options, project }: PosthogRecorderConfig): PrivacySelectors {
  const recording = options.session_recording ?? {};
  return {
    maskText: anyOf(`.${recording.maskTextClass ?? 'ph-mask'}`, recording.maskTextSelector),
    unmaskText: null,
    maskAllText: false,
    maskInputs: maskedInputTypes(recording.maskAllInputs ?? true, { password: true, ...recording.maskInputOptions }, { password: true }),
    ignoreInputs: `.${recording.ignoreClass ?? 'ph-ignore-input'}`,
    block: anyOf(`.${recording.blockClass ?? 'ph-no-capture'}`, recording.blockSelector),
    neverRecordOn: (project.urlBlocklist ?? []).map((source) => ({ source, against: 'url' as const })),
  };
}

export function posthogSettings({ options, project }: PosthogRecorderConfig): PrivacySetting[] {
  const recording = options.session_recording ?? {};
  return [
    { label: 'Input values', value: maskedInputs(recording.maskAllInputs ?? true, recording.maskAllInputs === false ? { password: true, ...recording.maskInputOptions } : undefined, 'all masked') },
    { label: 'Page text', value: recording.maskTextSelector ? `masked inside ${recording.maskTextSelector}` : `recorded as shown (masked inside .${recording.maskTextClass ?? 'ph-mask'})` },
    { label: 'Blocked elements', value: selectors([`.${recording.blockClass ?? 'ph-no-capture'}`, ...(recording.blockSelector ? [recording.blockSelector] : [])]) },
    { label: 'Never recorded on (URL blocklist)', value: list(project.urlBlocklist, 'every URL recorded') },
    {
      label: 'Network',
      value: `timings ${onOff(project.networkTiming ?? true, 'recorded', 'not recorded')}; headers ${onOff(recording.recordHeaders ?? project.recordHeaders, 'recorded', 'not recorded')}; bodies ${onOff(recording.recordBody ?? project.recordBody, 'recorded', 'not recorded')}`,
    },
    { label: 'Console logs', value: onOff(options.enable_recording_console_log ?? project.consoleLogs ?? true, 'recorded', 'not recorded') },
  ];
}
