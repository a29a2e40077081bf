import { type AmplitudeRecorderConfig, joinedPrivacy } from './config.ts';
import type { AmplitudeBodyCaptureRule, AmplitudeNetworkBodyConfig } from './options.ts';
import type { PrivacySetting } from '../../../contract/settings.ts';
import { anyOf } from '../../../visual/selector-rules.ts';
import type { PrivacySelectors } from '../../../visual/types.ts';
import { list, onOff, selectors } from '../settings-words.ts';
import { targetingLine } from './targeting.ts';

/** The input types 'light' masks (@amplitude/session-replay-dom-privacy policy.js); it also masks autocomplete="cc-…". */
export const LIGHT_MASKED_INPUT_TYPES = ['password', 'hidden', 'email', 'tel'];

/** What Amplitude's docs say of the mask levels, against what the code does (version in the line). */
export const AMPLITUDE_DOCS = {
  url: 'https://amplitude.com/docs/session-replay/manage-privacy-settings-for-session-replay',
  light: 'Light masks only some sensitive inputs: passwords, credit card numbers, phone numbers and email addresses',
  medium: 'Medium "is the default option ... masks all form fields and text inputs. Amplitude captures all other text as-is"',
};

export function amplitudeSelectors(config: AmplitudeRecorderConfig): PrivacySelectors {
  const privacy = joinedPrivacy(config);
  const level = privacy.defaultMaskLevel;
  return {
    maskText: anyOf('.amp-mask', '[data-amp-mask]', ...privacy.maskSelector),
    unmaskText: level === 'conservative' ? null : anyOf('[data-amp-unmask]', ...privacy.unmaskSelector),
    maskAllText: level === 'conservative',
    maskInputs: level === 'light' ? LIGHT_MASKED_INPUT_TYPES : 'all',
    ignoreInputs: null,
    block: anyOf('.amp-block', '[data-amp-block]', ...privacy.blockSelector),
    neverRecordOn: [],
  };
}

/** The remote body capture in words (lib/esm/network-body-capture.js: a rule is on when true, or an object without enabled: false). */
function bodiesInWords(body: AmplitudeNetworkBodyConfig | undefined): string {
  const on = (rule: AmplitudeBodyCaptureRule | undefined) => (rule === undefined ? false : typeof rule === 'boolean' ? rule : rule.enabled !== false);
  const which = (['request', 'response'] as const).filter((side) => on(body?.[side]));
  if (which.length === 0) return '; no bodies';
  const paths = which.map((side) => {
    const rule = body![side];
    if (typeof rule !== 'object') return `${side} whole`;
    const kept = rule.allowlist?.length ? ` keeping ${list(rule.allowlist)}` : '';
    const dropped = (rule.excludelist ?? rule.blocklist)?.length ? ` dropping ${list(rule.excludelist ?? rule.blocklist)}` : '';
    return `${side}${kept}${dropped}` || side;
  });
  return `; BODIES recorded: ${paths.join(', ')}`;
}

/** Heatmap clicks, and what the code's ugcFilterRules do to their page URL (joined-config.js, hooks/click.js). */
function heatmapLine({ options, remoteConfig }: AmplitudeRecorderConfig): string {
  const rules = options.interactionConfig?.ugcFilterRules ?? [];
  const interaction = remoteConfig.sr_interaction_config;
  if (!interaction?.enabled) {
    const unused = rules.length ? `; the code's ${rules.length} ugcFilterRules do nothing without the remote sr_interaction_config (joined-config.js keeps them only then)` : '';
    return `not sent (only the remote sr_interaction_config turns them on)${unused}`;
  }
  const url = rules.length ? `the page URL as rewritten by the first matching ugcFilterRule (${list(rules.map((r) => r.selector))}), else as is, query included` : 'the page URL, query included';
  return `sent (remote sr_interaction_config; type=interaction requests${interaction.batch ? ', batched per hour' : ''}): each click's x/y, the CSS selector of the clicked element (ids and classes) and ${url}`;
}

export function amplitudeSettings(config: AmplitudeRecorderConfig): PrivacySetting[] {
  const privacy = joinedPrivacy(config);
  const level = privacy.defaultMaskLevel;
  const remote = config.remoteConfig;
  const remoteLevel = remote.sr_privacy_config?.defaultMaskLevel;
  const localLevel = config.options.privacyConfig?.defaultMaskLevel;
  const logging = remote.sr_logging_config;
  const source = remoteLevel ? `remote config${localLevel && localLevel !== remoteLevel ? `, overriding the code's '${localLevel}'` : ''}` : localLevel ? 'privacyConfig' : 'the default';
  const levelLine: PrivacySetting = {
    label: 'Mask level',
    value: `'${level}' (${source})${privacy.urlMaskLevels.length ? `; per URL: ${privacy.urlMaskLevels.map((r) => `${r.match} '${r.maskLevel}'`).join(', ')}` : ''}`,
  };
  if (level === 'light') {
    levelLine.docsDiffer = `the docs (${AMPLITUDE_DOCS.url}) say ${AMPLITUDE_DOCS.light}; @amplitude/session-replay-dom-privacy 0.2.0 (in @amplitude/session-replay-browser 1.51.6) masks only inputs of type ${LIGHT_MASKED_INPUT_TYPES.join('/')} and autocomplete="cc-…": a card or phone field without those is recorded as typed`;
  }
  return [
    levelLine,
    {
      label: 'Input values',
      value: level === 'light' ? `recorded as typed, except ${LIGHT_MASKED_INPUT_TYPES.join('/')} inputs and autocomplete="cc-…"` : 'all masked',
    },
    {
      label: 'Page text',
      value:
        level === 'conservative'
          ? 'all masked'
          : `recorded as shown, text the page echoes from a form included (masked inside ${selectors(['.amp-mask', '[data-amp-mask]', ...privacy.maskSelector])})`,
    },
    { label: 'Unmasked', value: level === 'conservative' ? selectors(privacy.unmaskSelector) : selectors(['[data-amp-unmask]', ...privacy.unmaskSelector]) },
    { label: 'Blocked elements', value: selectors(['.amp-block', '[data-amp-block]', ...privacy.blockSelector]) },
    { label: 'Never recorded on', value: 'not supported by Amplitude Session Replay: every route recorded (urlMaskLevels only changes the mask level per URL)' },
    { label: 'Console logs', value: logging?.console?.enabled ? `recorded at ${list(logging.console.levels)} (remote sr_logging_config)` : 'not recorded (only the remote config can turn them on)' },
    { label: 'Network', value: logging?.network?.enabled ? `request URLs, methods, statuses and request headers recorded (remote sr_logging_config)${bodiesInWords(logging.network.body)}` : 'not recorded (only the remote config can turn it on)' },
    {
      label: 'Remote config',
      value: Object.keys(remote).length ? `served: ${Object.keys(remote).join(', ')} (joined over the code's options, the remote side wins)` : 'nothing set remotely: the code\'s options apply',
    },
    { label: 'Heatmap clicks', value: heatmapLine(config) },
    {
      label: 'Sessions recorded',
      value: targetingLine(remote) ?? (remote.sr_sampling_config
        ? `remote sampling: capture ${onOff(remote.sr_sampling_config.capture_enabled, 'on', 'OFF (nothing recorded)')}, sample_rate ${remote.sr_sampling_config.sample_rate ?? 'unset'}`
        : 'sampleRate defaults to 0 (nothing recorded); the harness sets 1 so that every journey is recorded'),
    },
  ];
}
