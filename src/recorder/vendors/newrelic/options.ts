import { stringList } from '../schema-parts.ts';
/**
 * The New Relic browser agent's `init` options a recorder config may set (`new BrowserAgent({init})`,
 * @newrelic/browser-agent 1.322.0 src/common/config/init.js): the JSON-expressible ones that bear on
 * privacy. `info` (license key, app id, beacons), `proxy` and `session_replay.enabled` are the
 * harness's (see newrelic-adapter.ts). `rum` holds what New Relic's server answers the RUM call with.
 */

/**
 * An obfuscation rule (src/common/util/obfuscate.js): `{"regexp": "..."}` for a RegExp (made global
 * by the page entry), or a string, which the agent hands to String.prototype.replace as is: that exact
 * text, first occurrence only, not a regular expression. `eventFilter` limits it to those event types.
 */
export interface NewrelicObfuscateRule {
  regex: string | { regexp: string };
  replacement?: string;
  eventFilter?: NewrelicEventType[];
}

/** The event types an obfuscate rule's eventFilter names (src/common/constants/events.js EVENT_TYPES). */
export const NEWRELIC_EVENT_TYPES = [
  'AjaxRequest', 'PageAction', 'UserAction', 'BrowserPerformance', 'WebSocket', 'SecurityPolicyViolation', 'JavaScriptError',
  'Log', 'PageView', 'PageViewTiming', 'SessionReplay', 'SessionTrace', 'BrowserInteraction',
] as const;
export type NewrelicEventType = (typeof NEWRELIC_EVENT_TYPES)[number];

export interface NewrelicSessionReplayOptions {
  autoStart?: boolean;
  preload?: boolean;
  /** Deprecated and ineffective in the code (init-types.js): sampling is the server's `srs` flag. */
  sampling_rate?: number;
  error_sampling_rate?: number;
  mask_all_inputs?: boolean;
  /** A CSS selector; `null` or `''` masks only `[data-nr-mask]` (the setter in init.js). */
  mask_text_selector?: string | null;
  /** Added to `[data-nr-block]`, which always stays (the setter in init.js). */
  block_selector?: string;
  /** Read when mask_all_inputs is false; `password` is forced to true whatever is set. */
  mask_input_options?: Record<string, boolean>;
  collect_fonts?: boolean;
  inline_images?: boolean;
  fix_stylesheets?: boolean;
}

export interface NewrelicInitOptions {
  session_replay?: NewrelicSessionReplayOptions;
  ajax?: { enabled?: boolean; deny_list?: string[]; block_internal?: boolean; capture_payloads?: 'none' | 'failures' | 'all' };
  jserrors?: { enabled?: boolean };
  generic_events?: { enabled?: boolean };
  user_actions?: { enabled?: boolean; elementAttributes?: string[] };
  page_action?: { enabled?: boolean };
  page_view_timing?: { enabled?: boolean };
  session_trace?: { enabled?: boolean };
  soft_navigations?: { enabled?: boolean };
  logging?: { enabled?: boolean };
  metrics?: { enabled?: boolean };
  performance?: { capture_marks?: boolean; capture_measures?: boolean; capture_detail?: boolean };
  privacy?: { cookies_enabled?: boolean };
  obfuscate?: NewrelicObfuscateRule[];
  harvest?: { interval?: number };
}

/**
 * The flags New Relic's server answers the RUM call (`POST /1/<licenseKey>`) with: entitlements (0|1)
 * and sampling decisions (0 off, 1 full, 2 on error only). Unset: the answer for an app with session
 * replay and session trace on, every session sampled (`sr: 1, srs: 1`, ...), as the agent's own test
 * server answers (newrelic-browser-agent tools/testing-server/constants.js rumFlags).
 */
export interface NewrelicRumFlags {
  sr?: 0 | 1;
  srs?: 0 | 1 | 2;
  st?: 0 | 1;
  sts?: 0 | 1 | 2;
  err?: 0 | 1;
  ins?: 0 | 1;
  spa?: 0 | 1;
  log?: number;
  logapi?: number;
}

const flag = { type: 'boolean' };
const enabledOnly = { type: 'object', additionalProperties: false, properties: { enabled: flag } };
const inputTypes = [
  'color', 'date', 'datetime-local', 'email', 'month', 'number', 'range', 'search', 'tel', 'text', 'time', 'url', 'week',
  'textarea', 'select', 'password',
];
const bit = { enum: [0, 1] };
const mode = { enum: [0, 1, 2] };

export const newrelicInitSchema = {
  description: "The browser agent's init options (new BrowserAgent({init})); session_replay holds the replay's own.",
  type: 'object',
  additionalProperties: false,
  properties: {
    session_replay: {
      type: 'object',
      additionalProperties: false,
      properties: {
        autoStart: flag,
        preload: flag,
        sampling_rate: { type: 'number', minimum: 0, maximum: 100 },
        error_sampling_rate: { type: 'number', minimum: 0, maximum: 100 },
        mask_all_inputs: flag,
        mask_text_selector: { type: ['string', 'null'] },
        block_selector: { type: 'string' },
        mask_input_options: { type: 'object', additionalProperties: false, properties: Object.fromEntries(inputTypes.map((key) => [key, flag])) },
        collect_fonts: flag,
        inline_images: flag,
        fix_stylesheets: flag,
      },
    },
    ajax: {
      type: 'object',
      additionalProperties: false,
      properties: { enabled: flag, deny_list: stringList, block_internal: flag, capture_payloads: { enum: ['none', 'failures', 'all'] } },
    },
    jserrors: enabledOnly,
    generic_events: enabledOnly,
    user_actions: { type: 'object', additionalProperties: false, properties: { enabled: flag, elementAttributes: stringList } },
    page_action: enabledOnly,
    page_view_timing: enabledOnly,
    session_trace: enabledOnly,
    soft_navigations: enabledOnly,
    logging: enabledOnly,
    metrics: enabledOnly,
    performance: { type: 'object', additionalProperties: false, properties: { capture_marks: flag, capture_measures: flag, capture_detail: flag } },
    privacy: { type: 'object', additionalProperties: false, properties: { cookies_enabled: flag } },
    obfuscate: {
      type: 'array',
      items: {
        type: 'object',
        required: ['regex'],
        additionalProperties: false,
        properties: {
          regex: { anyOf: [{ type: 'string' }, { type: 'object', required: ['regexp'], additionalProperties: false, properties: { regexp: { type: 'string', format: 'regex' } } }] },
          replacement: { type: 'string' },
          eventFilter: { type: 'array', items: { enum: NEWRELIC_EVENT_TYPES } },
        },
      },
    },
    harvest: { type: 'object', additionalProperties: false, properties: { interval: { type: 'number', minimum: 1 } } },
  },
} as const;

export const newrelicRumSchema = {
  description: "The flags New Relic's server answers the RUM call with (entitlements 0|1, sampling 0 off / 1 full / 2 on error); unset: replay and trace on, every session sampled.",
  type: 'object',
  additionalProperties: false,
  properties: { sr: bit, srs: mode, st: bit, sts: mode, err: bit, ins: bit, spa: bit, log: { type: 'integer', minimum: 0, maximum: 5 }, logapi: { type: 'integer', minimum: 0, maximum: 5 } },
} as const;
