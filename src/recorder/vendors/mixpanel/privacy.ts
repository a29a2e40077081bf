import type { MixpanelRecorderConfig } from './config.ts';
import type { MixpanelClassPattern } from './options.ts';
import { MIXPANEL_DEFAULTS } from './options.ts';
import { effectiveMixpanelOptions, remoteSettingsMode } from './remote-settings.ts';
import type { PrivacySetting } from '../../../contract/settings.ts';
import { anyOf } from '../../../visual/selector-rules.ts';
import type { PrivacySelectors } from '../../../visual/types.ts';
import { onOff, selectors } from '../settings-words.ts';

/** Masked whatever the options say (src/recorder/masking.js ALWAYS_MASKED_INPUT_TYPES, and COMMON_MASK_CLASSES_SELECTOR). */
export const ALWAYS_MASKED_INPUT_TYPES = ['password', 'email', 'tel', 'hidden'];
const COMMON_MASK_CLASSES = '.mp-mask, .fs-mask, .amp-mask, .rr-mask, .ph-mask';
/** The default record_block_class RegExp, as the class selectors it matches. */
const DEFAULT_BLOCK_CLASSES = '.mp-block, .fs-exclude, .amp-block, .rr-block, .ph-no-capture';

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** A class option as a selector: a plain class name, or (for a RegExp) no selector the page can apply. */
function classSelector(pattern: MixpanelClassPattern | undefined, fallback: string): string | undefined {
  if (pattern === undefined) return fallback;
  return typeof pattern === 'string' ? `.${pattern}` : undefined;
}

/** The masking mixpanel-browser applies (masking.js getPrivacyConfig): text masking on unless record_mask_all_text is false, or only a mask selector is given. */
export function mixpanelMasksAllText(options: MixpanelRecorderConfig['options']): boolean {
  if (options.record_mask_all_text !== undefined) return options.record_mask_all_text;
  return options.record_mask_text_selector === undefined;
}

export function mixpanelSelectors(config: MixpanelRecorderConfig): PrivacySelectors {
  const options = effectiveMixpanelOptions(config);
  const maskAllInputs = options.record_mask_all_inputs ?? MIXPANEL_DEFAULTS.record_mask_all_inputs;
  const textClass = typeof options.record_mask_text_class === 'string' ? `.${options.record_mask_text_class}` : undefined;
  const block = options.record_block_selector ?? MIXPANEL_DEFAULTS.record_block_selector;
  return {
    maskText: anyOf(...list(options.record_mask_text_selector), textClass, COMMON_MASK_CLASSES),
    unmaskText: anyOf(...list(options.record_unmask_text_selector)),
    maskAllText: mixpanelMasksAllText(options),
    // Some inputs stay masked with masking off: these types, any autocomplete but "off", and names that
    // look sensitive (autocapture/utils.js elementLooksSensitive); the types are what a selector can say.
    maskInputs: maskAllInputs ? 'all' : ALWAYS_MASKED_INPUT_TYPES,
    ignoreInputs: null,
    block: anyOf(block, classSelector(options.record_block_class, DEFAULT_BLOCK_CLASSES)),
    neverRecordOn: [],
  };
}

/** What the Mixpanel docs say and the shipped code does not (mixpanel-browser 2.83.0). */
export const MIXPANEL_DOCS = {
  url: 'https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript/javascript-replay',
  samplingKey: 'recording_sessions_percent',
  apiHost: 'https://api.mixpanel.com',
};

export function mixpanelSettings(config: MixpanelRecorderConfig): PrivacySetting[] {
  // What the recorder runs with: the server's settings over the page's where the config fetches them.
  const options = effectiveMixpanelOptions(config);
  const mode = remoteSettingsMode(config);
  const remoteKeys = Object.keys(config.remoteSettings);
  const maskAllInputs = options.record_mask_all_inputs ?? MIXPANEL_DEFAULTS.record_mask_all_inputs;
  const maskAllText = mixpanelMasksAllText(options);
  const network = options.record_network ?? MIXPANEL_DEFAULTS.record_network;
  const headers = [...(options.record_network_options?.recordHeaders?.request ?? []), ...(options.record_network_options?.recordHeaders?.response ?? [])];
  const bodyUrls = options.record_network_options?.recordBodyUrls;
  const bodies = [...(bodyUrls?.request ?? []).map((url) => `request ${url}`), ...(bodyUrls?.response ?? []).map((url) => `response ${url}`)];
  const fromServer = (key: string) => (remoteKeys.includes(key) && mode !== 'disabled' ? ' (remote settings)' : '');
  const percent = options.record_sessions_percent;
  return [
    {
      label: 'Sessions recorded',
      value:
        percent === 0
          ? `NONE: the remote settings turn recording off (record_sessions_percent 0${mode === 'strict' && remoteKeys.length === 0 ? ": 'strict' with nothing set remotely" : ''})`
          : percent !== undefined
            ? `${percent}% of sessions (record_sessions_percent${fromServer('record_sessions_percent') || ' set in the config'})`
            : 'record_sessions_percent defaults to 0 (nothing recorded); the harness sets 100 so that every journey is recorded',
      docsDiffer: `the docs (${MIXPANEL_DOCS.url}) say to set "${MIXPANEL_DOCS.samplingKey}"; mixpanel-browser 2.83.0 reads "record_sessions_percent" (mixpanel-core.js DEFAULT_CONFIG, recorder-manager.js), so the documented key records nothing`,
    },
    {
      label: 'Remote settings',
      value:
        mode === 'disabled'
          ? 'not fetched (remote_settings_mode disabled, the default)'
          : `fetched before recording (remote_settings_mode ${mode}); the server's ${remoteKeys.length ? remoteKeys.join(', ') : 'answer sets nothing'} ${remoteKeys.length ? 'win over the page\'s' : mode === 'strict' ? ': strict mode then records nothing' : ': the page\'s options apply'}. Masking cannot be set remotely`,
    },
    {
      label: 'Input values',
      value: maskAllInputs
        ? `all masked${options.record_unmask_input_selector ? `, except inside ${selectors(list(options.record_unmask_input_selector))}` : ''}`
        : `recorded as typed, except ${ALWAYS_MASKED_INPUT_TYPES.join('/')} inputs, any autocomplete other than "off", sensitive-looking names (cc, card, cvv, pass, ssn...)${options.record_mask_input_selector ? ` and inside ${selectors(list(options.record_mask_input_selector))}` : ''}`,
    },
    {
      label: 'Page text',
      value: maskAllText
        ? `all masked${options.record_unmask_text_selector ? `, except inside ${selectors(list(options.record_unmask_text_selector))}` : ''}`
        : `recorded as shown, masked inside ${selectors([...list(options.record_mask_text_selector), COMMON_MASK_CLASSES])}`,
    },
    { label: 'Blocked elements', value: selectors([options.record_block_selector ?? MIXPANEL_DEFAULTS.record_block_selector, classSelector(options.record_block_class, DEFAULT_BLOCK_CLASSES) ?? 'the record_block_class RegExp']) },
    { label: 'Never recorded on', value: 'not supported by Mixpanel Session Replay: every route recorded' },
    { label: 'Console logs', value: onOff(options.record_console ?? MIXPANEL_DEFAULTS.record_console, 'recorded (record_console defaults to true)', 'not recorded') },
    {
      label: 'Network',
      value: network ? `request URLs and timings recorded; headers ${headers.length ? headers.join(', ') : 'none'}; bodies for ${bodies.length ? bodies.join(', ') : 'no URL'}${fromServer('record_network_options')}` : 'not recorded (record_network false)',
    },
    { label: 'Analytics events', value: options.autocapture || options.track_pageview ? `sent (${[options.autocapture && 'autocapture', options.track_pageview && 'track_pageview'].filter(Boolean).join(', ')})` : 'none sent (autocapture and track_pageview off)' },
  ];
}
