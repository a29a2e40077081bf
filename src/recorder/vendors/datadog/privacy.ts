import type { DatadogRecorderConfig } from './config.ts';
import type { PrivacySetting } from '../../../contract/settings.ts';
import { anyOf } from '../../../visual/selector-rules.ts';
import type { PrivacySelectors } from '../../../visual/types.ts';
import { list, onOff } from '../settings-words.ts';

/** The SDK version these defaults were read from (node_modules/@datadog/browser-rum-core, RUM_SCHEMA). */
export const DATADOG_SDK_VERSION = '7.16.2';

/** What @datadog/browser-rum-core 7.16.2 ships (src/domain/configuration/configuration.ts, RUM_SCHEMA). */
export const DATADOG_CODE_DEFAULTS = {
  defaultPrivacyLevel: 'mask-user-input',
  sessionReplaySampleRate: 0,
  startSessionReplayRecordingManually: false,
  enablePrivacyForActionName: true,
  trackUserInteractions: true,
  trackResources: true,
} as const;

/**
 * What Datadog's documentation says the default privacy level is (issue #14 quotes it): "mask".
 * https://docs.datadoghq.com/session_replay/browser/privacy_options ("If the privacy setting is not specified when enabling Session Replay, mask is enabled by default.")
 */
export const DATADOG_DOCS_DEFAULT_PRIVACY_LEVEL = 'mask';
export const DATADOG_DOCS_URL = 'https://docs.datadoghq.com/session_replay/browser/privacy_options';

const level = (config: DatadogRecorderConfig) => config.options.defaultPrivacyLevel ?? DATADOG_CODE_DEFAULTS.defaultPrivacyLevel;

/** Per-element overrides: `data-dd-privacy="<level>"` or the class `dd-privacy-<level>`. */
const privacy = (value: string) => `[data-dd-privacy="${value}"], .dd-privacy-${value}`;

/**
 * Datadog Session Replay's masking (@datadog/browser-rum-core src/domain/privacy.ts): the default
 * level applies everywhere but where an element says otherwise; password, email, tel and hidden
 * inputs, and inputs with autocomplete cc-* or *-password, are always masked, whatever the level;
 * `hidden` elements are replaced by a placeholder of the same size.
 */
export function datadogSelectors(config: DatadogRecorderConfig): PrivacySelectors {
  const current = level(config);
  const always = ['password', 'email', 'tel', 'hidden'];
  return {
    maskText: current === 'mask' || current === 'mask-unless-allowlisted' ? null : privacy('mask'),
    unmaskText: current === 'mask' ? privacy('allow') : null,
    maskAllText: current === 'mask' || current === 'mask-unless-allowlisted',
    maskInputs: current === 'allow' ? always : 'all',
    ignoreInputs: null,
    block: privacy('hidden'),
    neverRecordOn: [],
  };
}

export function datadogSettings(config: DatadogRecorderConfig): PrivacySetting[] {
  const { options } = config;
  const current = level(config);
  const levelLine: PrivacySetting = {
    label: 'Default privacy level',
    value: `${current}${options.defaultPrivacyLevel ? '' : ' (the SDK default)'}: ${
      current === 'allow' ? 'text and inputs recorded as shown (password, email, tel, hidden and cc-* inputs still masked)'
      : current === 'mask-user-input' ? 'inputs masked, page text recorded as shown'
      : current === 'mask' ? 'text, inputs and some attributes (title, alt, placeholder, data-*, link hrefs, image src) masked'
      : 'text masked unless allowlisted, inputs masked'}`,
  };
  if (!options.defaultPrivacyLevel) {
    levelLine.docsDiffer = `Datadog's docs (${DATADOG_DOCS_URL}) say the default privacy level is "${DATADOG_DOCS_DEFAULT_PRIVACY_LEVEL}"; @datadog/browser-rum ${DATADOG_SDK_VERSION} defaults to "${DATADOG_CODE_DEFAULTS.defaultPrivacyLevel}" (RUM_SCHEMA in browser-rum-core): page text is recorded`;
  }
  return [
    levelLine,
    { label: 'Per-element overrides', value: 'data-dd-privacy="allow|mask|mask-user-input|hidden" (or class dd-privacy-<level>)' },
    {
      label: 'Action names',
      value: onOff(
        options.trackUserInteractions ?? DATADOG_CODE_DEFAULTS.trackUserInteractions,
        `clicks sent as RUM actions named ${onOff(options.enablePrivacyForActionName ?? DATADOG_CODE_DEFAULTS.enablePrivacyForActionName, 'by the privacy level (enablePrivacyForActionName)', "from the clicked element's text, unmasked (enablePrivacyForActionName false)")}`,
        'not tracked (trackUserInteractions false)',
      ),
    },
    { label: 'Network (RUM resources)', value: onOff(options.trackResources ?? DATADOG_CODE_DEFAULTS.trackResources, 'every resource sent with its full URL, query string included', 'not tracked (trackResources false)') },
    { label: 'Trace headers added to', value: list((options.allowedTracingUrls ?? []).map((u) => (typeof u === 'string' ? u : `/${u.regexp}/`)), 'no request (allowedTracingUrls empty)') },
    { label: 'Errors', value: 'uncaught errors and console.error sent as RUM errors with their messages' },
    { label: 'Never recorded on', value: 'not supported by Datadog: every route recorded (an app has to call stopSessionReplayRecording() in its own code)' },
    { label: 'Sample rate', value: `sessionReplaySampleRate defaults to ${DATADOG_CODE_DEFAULTS.sessionReplaySampleRate} (no replay); the harness sets 100` },
  ];
}
