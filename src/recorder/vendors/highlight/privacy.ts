import type { HighlightRecorderConfig } from './config.ts';
import type { PrivacySetting } from '../../../contract/settings.ts';
import { anyOf, maskedInputs as maskedInputTypes } from '../../../visual/selector-rules.ts';
import type { PrivacySelectors } from '../../../visual/types.ts';
import { list, maskedInputs, onOff, selectors } from '../settings-words.ts';
import { effectivePrivacy } from './options.ts';
import { networkSettings } from './capabilities.ts';

export const HIGHLIGHT_VERSION = '10.7.5';

/**
 * The 7 patterns 'default' privacy obfuscates text by (highlight.run 10.7.5, its rrweb fork,
 * rrweb-snapshot `DEFAULT_OBFUSCATE_REGEXES`): a text node is randomised when ANY of them matches
 * anywhere in it; every other text is recorded as shown. Copied as the code has them (unescaped dots
 * included), so that tests can check a value against them.
 */
export const DEFAULT_OBFUSCATE_PATTERNS: readonly { name: string; regex: RegExp }[] = [
  { name: 'email', regex: /[a-zA-Z0-9.!#$%&'*+=?^_`{|}~-]+@[a-zA-Z0-9-]+(?:.[a-zA-Z0-9-]+)*/ },
  { name: 'long number (9-16 digits)', regex: /[0-9]{9,16}/ },
  { name: 'SSN', regex: /[0-9]{3}-?[0-9]{2}-?[0-9]{4}/ },
  { name: 'phone number', regex: /[+]?[(]?[0-9]{3}[)]?[-\s.]?[0-9]{3}[-\s.]?[0-9]{4,6}/ },
  { name: 'credit card', regex: /[0-9]{4}-?[0-9]{4}-?[0-9]{4}-?[0-9]{4}/ },
  { name: 'street address', regex: /[0-9]{1,5}.?[0-9]{0,3}\s[a-zA-Z]{2,30}\s[a-zA-Z]{2,15}/ },
  { name: 'IP address', regex: /(?:[0-9]{1,3}.){3}[0-9]{1,3}/ },
];

/** Whether 'default' privacy obfuscates this text (any of the 7 patterns matches). */
export function obfuscatedByDefault(text: string): boolean {
  return DEFAULT_OBFUSCATE_PATTERNS.some(({ regex }) => regex.test(text));
}

/** What the docs say 'default' does, quoted with where. */
export const DOCS_DEFAULT_CLAIM = {
  jsdoc: "highlight.run 10.7.5 dist/index.d.ts (HighlightOptions.privacySetting): \"default - Highlight will redact text data on the page that is associated with personal identifiable data\"",
  launchdarkly: 'launchdarkly.com/docs/sdk/features/session-replay-config: "set privacySetting to default to obfuscate all inputs and any text that matches commonly used regex expressions for personally identifiable information (PII)"',
} as const;

/**
 * Highlight's rrweb fork: inputs all masked under 'default' and 'strict' (client/utils/privacy.ts
 * determineMaskInputOptions), under 'none' only as maskAllInputs/maskInputOptions say, password
 * always; all text masked only under 'strict'; highlight-mask / highlight-block / highlight-ignore.
 */
export function highlightSelectors({ options }: HighlightRecorderConfig): PrivacySelectors {
  const privacy = effectivePrivacy(options);
  return {
    maskText: anyOf(`.${options.maskTextClass ?? 'highlight-mask'}`, options.maskTextSelector),
    unmaskText: '[data-hl-record]',
    maskAllText: privacy === 'strict',
    maskInputs: privacy === 'none' ? maskedInputTypes(options.maskAllInputs, { ...options.maskInputOptions, password: true }, { password: true }) : 'all',
    ignoreInputs: anyOf(`.${options.ignoreClass ?? 'highlight-ignore'}`, options.ignoreSelector),
    block: anyOf(`.${options.blockClass ?? 'highlight-block'}`, options.blockSelector),
    neverRecordOn: [],
  };
}

export function highlightSettings(config: HighlightRecorderConfig): PrivacySetting[] {
  const { options } = config;
  const privacy = effectivePrivacy(options);
  const text: PrivacySetting =
    privacy === 'strict'
      ? { label: 'Page text', value: "all obfuscated (privacySetting 'strict'); img/video/audio sources dropped" }
      : privacy === 'none'
        ? { label: 'Page text', value: `recorded as shown (privacySetting 'none'), masked inside ${selectors([`.${options.maskTextClass ?? 'highlight-mask'}`, ...(options.maskTextSelector ? [options.maskTextSelector] : [])])}` }
        : {
            label: 'Page text',
            value: `recorded as shown unless it matches one of 7 patterns (${DEFAULT_OBFUSCATE_PATTERNS.map((p) => p.name).join(', ')}): names, tokens and tables are recorded (privacySetting 'default')`,
            docsDiffer: `the docs say 'default' redacts PII text (${DOCS_DEFAULT_CLAIM.jsdoc}; ${DOCS_DEFAULT_CLAIM.launchdarkly}); highlight.run ${HIGHLIGHT_VERSION} obfuscates only text matching those 7 regexes`,
          };
  const settings: PrivacySetting[] = [
    { label: 'Privacy setting', value: `${privacy}${options.privacySetting ? '' : ' (H.init default)'}` },
    { label: 'Input values', value: privacy === 'none' ? maskedInputs(options.maskAllInputs, { ...options.maskInputOptions, password: true }, 'passwords masked, others recorded as typed') : `all masked (privacySetting '${privacy}')` },
    text,
    { label: 'Blocked elements', value: selectors([`.${options.blockClass ?? 'highlight-block'}`, ...(options.blockSelector ? [options.blockSelector] : [])]) },
    { label: 'Never recorded on', value: 'not supported by Highlight: every route recorded' },
    { label: 'Network', value: networkSettings(options) },
    { label: 'Console messages', value: onOff(!options.disableConsoleRecording, `recorded (${list(options.consoleMethodsToRecord, 'every method')})`, 'not recorded') },
  ];
  if (options.enableStrictPrivacy !== undefined) {
    settings.push({
      label: 'enableStrictPrivacy',
      value: `ignored: highlight.run ${HIGHLIGHT_VERSION} does not read it (privacySetting is '${privacy}')`,
      docsDiffer: `older Highlight docs name enableStrictPrivacy for strict privacy; highlight.run ${HIGHLIGHT_VERSION} reads only privacySetting`,
    });
  }
  return settings;
}
