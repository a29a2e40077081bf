import type { PosthogRecorderConfig } from './config.ts';
import type { PrivacySetting } from '../../../contract/settings.ts';
import { anyOf, maskedInputs as maskedInputTypes } from '../../../visual/selector-rules.ts';
import type { PrivacySelectors } from '../../../visual/types.ts';
import { list, maskedInputs, onOff, selectors } from '../settings-words.ts';

/**
 * The masking posthog-js records with: each key from posthog.init's session_recording, else from the
 * project's remote "Privacy and masking" settings, inputs masked when neither says (lazy-loaded-session-recorder.ts).
 */
export function effectiveMasking({ options, project }: PosthogRecorderConfig) {
  const recording = options.session_recording ?? {};
  const server = project.masking ?? {};
  return {
    maskAllInputs: recording.maskAllInputs ?? server.maskAllInputs ?? true,
    maskTextSelector: recording.maskTextSelector ?? server.maskTextSelector,
    blockSelector: recording.blockSelector ?? server.blockSelector,
  };
}

/** posthog-js session recording: ph-* classes, inputs masked by default, password added to any maskInputOptions. */
export function posthogSelectors(config: PosthogRecorderConfig): PrivacySelectors {
  const { options, project } = config;
  const recording = options.session_recording ?? {};
  const masking = effectiveMasking(config);
  return {
    maskText: anyOf(`.${recording.maskTextClass ?? 'ph-mask'}`, masking.maskTextSelector),
    unmaskText: null,
    maskAllText: false,
    maskInputs: maskedInputTypes(masking.maskAllInputs, { password: true, ...recording.maskInputOptions }, { password: true }),
    ignoreInputs: `.${recording.ignoreClass ?? 'ph-ignore-input'}`,
    block: anyOf(`.${recording.blockClass ?? 'ph-no-capture'}`, masking.blockSelector),
    neverRecordOn: (project.urlBlocklist ?? []).map((source) => ({ source, against: 'url' as const })),
  };
}

export function posthogSettings(config: PosthogRecorderConfig): PrivacySetting[] {
  const { options, project } = config;
  const recording = options.session_recording ?? {};
  const masking = effectiveMasking(config);
  // Where the project's remote masking decides a key, the report says so.
  const remote = (key: 'maskAllInputs' | 'maskTextSelector' | 'blockSelector') => (recording[key] === undefined && project.masking?.[key] !== undefined ? ' (from the project\'s remote masking settings)' : '');
  return [
    { label: 'Input values', value: maskedInputs(masking.maskAllInputs, masking.maskAllInputs === false ? { password: true, ...recording.maskInputOptions } : undefined, 'all masked') + remote('maskAllInputs') },
    { label: 'Page text', value: (masking.maskTextSelector ? `masked inside ${masking.maskTextSelector}` : `recorded as shown (masked inside .${recording.maskTextClass ?? 'ph-mask'})`) + remote('maskTextSelector') },
    { label: 'Blocked elements', value: selectors([`.${recording.blockClass ?? 'ph-no-capture'}`, ...(masking.blockSelector ? [masking.blockSelector] : [])]) + remote('blockSelector') },
    { label: 'Never recorded on (URL blocklist)', value: list(project.urlBlocklist, 'every URL recorded') },
    {
      label: 'Network',
      value: `timings ${onOff(project.networkTiming ?? true, 'recorded', 'not recorded')}; headers ${onOff(recording.recordHeaders ?? project.recordHeaders, 'recorded', 'not recorded')}; bodies ${onOff(recording.recordBody ?? project.recordBody, 'recorded', 'not recorded')}`,
    },
    { label: 'Console logs', value: onOff(options.enable_recording_console_log ?? project.consoleLogs ?? true, 'recorded', 'not recorded') },
  ];
}
