import type { NewrelicRecorderConfig } from './config.ts';
import type { NewrelicObfuscateRule } from './options.ts';
import type { PrivacySetting } from '../../../contract/settings.ts';
import { anyOf } from '../../../visual/selector-rules.ts';
import type { PrivacySelectors } from '../../../visual/types.ts';
import { list, onOff, selectors } from '../settings-words.ts';

export const NEWRELIC_VERSION = '1.322.0';
const NR_MASK = '[data-nr-mask]';
const NR_BLOCK = '[data-nr-block]';
const NR_UNMASK = '[data-nr-unmask], .nr-unmask';

/**
 * What New Relic documents, quoted for the report where its shipped code does otherwise: the
 * copy-paste snippet New Relic's UI generates for an app with session replay (as deployed in public
 * apps), and the privacy page.
 */
export const NEWRELIC_DOCS = {
  snippetUrl: 'https://docs.newrelic.com/docs/browser/browser-monitoring/installation/install-browser-monitoring-agent/',
  snippet: "session_replay:{enabled:true,block_selector:'',mask_text_selector:'*',sampling_rate:10.0,error_sampling_rate:100.0,mask_all_inputs:true,collect_fonts:true,inline_images:false,inline_stylesheet:true,fix_stylesheets:true,preload:false,mask_input_options:{}}",
  privacyUrl: 'https://docs.newrelic.com/docs/browser/browser-monitoring/browser-pro-features/session-replay/configuration/customize-privacy-settings/',
  privacy: 'By default, all text and inputs are replaced with asterisks.',
} as const;

/**
 * The text mask selector as the agent's setter makes it (src/common/config/init.js): unset, `'*'`
 * (all text); `null` or `''`, only `[data-nr-mask]`; a selector, that selector and `[data-nr-mask]`.
 */
export function maskTextSelector(value: string | null | undefined): string {
  if (value === undefined) return '*';
  if (value === null || value.trim() === '') return NR_MASK;
  return `${value},${NR_MASK}`;
}

/** Inputs masked: mask_all_inputs (default true), else mask_input_options with password always true (setter and customMasker). */
function maskedInputTypes({ options: init }: NewrelicRecorderConfig): 'all' | string[] {
  const replay = init.session_replay ?? {};
  if (replay.mask_all_inputs ?? true) return 'all';
  const options = { ...replay.mask_input_options, password: true };
  return Object.entries(options).filter(([, on]) => on).map(([type]) => type);
}

/** @newrelic/browser-agent session replay (Recorder.startRecording): nr-* classes and data-nr-* attributes, all text and inputs masked by default. */
export function newrelicSelectors(config: NewrelicRecorderConfig): PrivacySelectors {
  const replay = config.options.session_replay ?? {};
  const text = maskTextSelector(replay.mask_text_selector);
  return {
    maskText: text === '*' ? anyOf('.nr-mask', NR_MASK) : anyOf('.nr-mask', text),
    unmaskText: NR_UNMASK,
    maskAllText: text === '*',
    maskInputs: maskedInputTypes(config),
    ignoreInputs: '.nr-ignore',
    block: anyOf('.nr-block', NR_BLOCK, replay.block_selector?.trim() ? replay.block_selector : undefined),
    neverRecordOn: [],
  };
}

/**
 * What the obfuscate rules do (src/common/util/obfuscate.js): applied to every string the agent harvests
 * beside the replay (errors, session trace nodes, AJAX and soft-navigation events, generic events, logs,
 * the page URL it reports), never to the replay's DOM events. A string rule is replaced literally, once.
 */
function obfuscationLine(rules: NewrelicObfuscateRule[]): string {
  if (rules.length === 0) return 'none: errors, trace nodes and AJAX events are sent as the page has them';
  const each = rules.map((rule) => {
    const scope = rule.eventFilter?.length ? ` in ${list(rule.eventFilter)}` : '';
    const by = `"${rule.replacement || '*'}"`;
    return typeof rule.regex === 'string'
      ? `the literal text "${rule.regex}" → ${by}${scope} (a string rule is not a regular expression: that exact text, first occurrence per string)`
      : `/${rule.regex.regexp}/g → ${by}${scope}`;
  });
  return `${each.join('; ')}; applied to what is sent beside the replay (errors, session trace, AJAX, events, logs, page URL), not to the replay's DOM events`;
}

export function newrelicSettings(config: NewrelicRecorderConfig): PrivacySetting[] {
  const { options: init, rum } = config;
  const replay = init.session_replay ?? {};
  const inputs = maskedInputTypes(config);
  const text = maskTextSelector(replay.mask_text_selector);
  const ajaxOn = init.ajax?.enabled ?? true;
  const payloads = init.ajax?.capture_payloads ?? 'none';
  const srs = rum.srs ?? 1;
  return [
    { label: 'Input values', value: inputs === 'all' ? 'all masked (mask_all_inputs)' : `masked: ${inputs.join(', ')}; others recorded as typed` },
    {
      label: 'Page text',
      value: text === '*' ? "all masked (mask_text_selector '*')" : `recorded as shown, masked inside ${selectors([text, '.nr-mask'])}`,
    },
    { label: 'Blocked elements', value: selectors(['.nr-block', NR_BLOCK, ...(replay.block_selector?.trim() ? [replay.block_selector] : [])]) },
    { label: 'Never recorded on', value: 'not supported by the New Relic browser agent: every route recorded' },
    {
      label: 'Sampling',
      value: srs === 1 ? 'every session recorded (RUM answer srs 1)' : srs === 2 ? 'recorded, sent only after an error (RUM answer srs 2)' : 'not recorded (RUM answer srs 0)',
      docsDiffer: `New Relic's snippet sets sampling_rate: 10.0 and error_sampling_rate: 100.0 (${NEWRELIC_DOCS.snippetUrl}); @newrelic/browser-agent ${NEWRELIC_VERSION} ignores both ("deprecated and ineffective", src/common/config/init-types.js): the server's srs flag alone decides`,
    },
    {
      label: 'Fonts',
      value: onOff(replay.collect_fonts, 'collected (collect_fonts)', 'not collected (collect_fonts false)'),
      ...(replay.collect_fonts === undefined && {
        docsDiffer: `New Relic's snippet sets collect_fonts: true (${NEWRELIC_DOCS.snippetUrl}); @newrelic/browser-agent ${NEWRELIC_VERSION} defaults to collect_fonts: false (src/common/config/init.js)`,
      }),
    },
    {
      label: 'Network (AJAX events to /events, session trace)',
      value: ajaxOn
        ? `every fetch/XHR: method, host and path (query dropped)${payloads === 'none' ? ', no query, headers or bodies' : `; query, headers and bodies captured (capture_payloads ${payloads})`}${init.ajax?.deny_list?.length ? `; not for ${list(init.ajax.deny_list)}` : ''}`
        : 'not recorded (ajax off)',
    },
    { label: 'Errors (jserrors)', value: onOff((init.jserrors?.enabled ?? true) && (rum.err ?? 1) === 1, 'sent with their messages', 'not sent') },
    { label: 'Obfuscation rules', value: obfuscationLine(init.obfuscate ?? []) },
    {
      label: 'Replay start',
      value:
        replay.autoStart === false
          ? 'deferred (session_replay.autoStart false): nothing is recorded until the app calls the agent\'s start() API, which the harness does not'
          : 'at page load (autoStart)',
    },
  ];
}
