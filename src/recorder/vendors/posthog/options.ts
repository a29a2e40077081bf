/**
 * The posthog.init() options a recorder config may set: the JSON-expressible ones that bear on
 * privacy, with `session_recording` holding the recorder's own. The token, api_host and the
 * user-agent filter are the harness's (see posthog-adapter.ts).
 */

export interface PosthogSessionRecordingOptions {
  maskAllInputs?: boolean;
  maskInputOptions?: Record<string, boolean>;
  maskTextSelector?: string;
  maskTextClass?: string;
  blockSelector?: string;
  blockClass?: string;
  ignoreClass?: string;
  maskAllElementAttributes?: boolean;
  recordHeaders?: boolean;
  recordBody?: boolean;
  recordCrossOriginIframes?: boolean;
  collectFonts?: boolean;
  inlineStylesheet?: boolean;
  captureCanvas?: boolean;
  compress_events?: boolean;
}

export interface PosthogOptions {
  session_recording?: PosthogSessionRecordingOptions;
  enable_recording_console_log?: boolean;
  capture_performance?: boolean | { network_timing?: boolean; web_vitals?: boolean };
  autocapture?: boolean;
  capture_pageview?: boolean | 'history_change';
  capture_pageleave?: boolean | 'if_capture_pageview';
  capture_exceptions?: boolean;
  capture_dead_clicks?: boolean;
  capture_heatmaps?: boolean;
  mask_all_text?: boolean;
  mask_all_element_attributes?: boolean;
  mask_personal_data_properties?: boolean;
  custom_personal_data_properties?: string[];
  property_denylist?: string[];
  disable_session_recording?: boolean;
  disable_compression?: boolean;
  disable_capture_url_hashes?: boolean;
  person_profiles?: 'always' | 'never' | 'identified_only';
}

const inputTypes = [
  'color', 'date', 'datetime-local', 'email', 'month', 'number', 'range', 'search', 'tel', 'text', 'time', 'url', 'week',
  'textarea', 'select', 'password',
];

export const posthogOptionsSchema = {
  description: 'posthog.init() options; session_recording holds the session recorder\'s own.',
  type: 'object',
  additionalProperties: false,
  properties: {
    session_recording: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maskAllInputs: { type: 'boolean' },
        maskInputOptions: {
          type: 'object',
          additionalProperties: false,
          properties: Object.fromEntries(inputTypes.map((key) => [key, { type: 'boolean' }])),
        },
        maskTextSelector: { type: 'string' },
        maskTextClass: { type: 'string' },
        blockSelector: { type: 'string' },
        blockClass: { type: 'string' },
        ignoreClass: { type: 'string' },
        maskAllElementAttributes: { type: 'boolean' },
        recordHeaders: { type: 'boolean' },
        recordBody: { type: 'boolean' },
        recordCrossOriginIframes: { type: 'boolean' },
        collectFonts: { type: 'boolean' },
        inlineStylesheet: { type: 'boolean' },
        captureCanvas: { type: 'boolean' },
        compress_events: { type: 'boolean' },
      },
    },
    enable_recording_console_log: { type: 'boolean' },
    capture_performance: {
      anyOf: [
        { type: 'boolean' },
        { type: 'object', additionalProperties: false, properties: { network_timing: { type: 'boolean' }, web_vitals: { type: 'boolean' } } },
      ],
    },
    autocapture: { type: 'boolean' },
    capture_pageview: { anyOf: [{ type: 'boolean' }, { const: 'history_change' }] },
    capture_pageleave: { anyOf: [{ type: 'boolean' }, { const: 'if_capture_pageview' }] },
    capture_exceptions: { type: 'boolean' },
    capture_dead_clicks: { type: 'boolean' },
    capture_heatmaps: { type: 'boolean' },
    mask_all_text: { type: 'boolean' },
    mask_all_element_attributes: { type: 'boolean' },
    mask_personal_data_properties: { type: 'boolean' },
    custom_personal_data_properties: { type: 'array', items: { type: 'string' } },
    property_denylist: { type: 'array', items: { type: 'string' } },
    disable_session_recording: { type: 'boolean' },
    disable_compression: { type: 'boolean' },
    disable_capture_url_hashes: { type: 'boolean' },
    person_profiles: { enum: ['always', 'never', 'identified_only'] },
  },
} as const;

/**
 * PostHog's project settings (server side): the harness plays PostHog's server and answers the
 * SDK's remote-config request with them. Unset keys take PostHog's defaults for a project with
 * session replay turned on (see remote-config.ts).
 */
export interface PosthogProjectSettings {
  /** "Capture console logs" (default on). */
  consoleLogs?: boolean;
  /** "Capture network performance" (default on): request URLs and timings. */
  networkTiming?: boolean;
  /** Network payload capture: request/response headers and bodies (default off). */
  recordHeaders?: boolean;
  recordBody?: boolean;
  /** "URL blocklist": regular expressions on the URL where recording pauses (default none). */
  urlBlocklist?: string[];
  /** Exception autocapture (default off). */
  autocaptureExceptions?: boolean;
  /**
   * "Privacy and masking" (remote config `sessionRecording.masking`): posthog-js uses each key only
   * where posthog.init's session_recording leaves it unset (lazy-loaded-session-recorder.ts `_masking`).
   */
  masking?: PosthogRemoteMasking;
}

export interface PosthogRemoteMasking {
  maskAllInputs?: boolean;
  maskTextSelector?: string;
  blockSelector?: string;
  maskAllElementAttributes?: boolean;
}

export const posthogProjectSchema = {
  description: 'PostHog project settings the harness answers the SDK\'s remote config with.',
  type: 'object',
  additionalProperties: false,
  properties: {
    consoleLogs: { type: 'boolean' },
    networkTiming: { type: 'boolean' },
    recordHeaders: { type: 'boolean' },
    recordBody: { type: 'boolean' },
    urlBlocklist: { type: 'array', items: { type: 'string', format: 'regex' } },
    autocaptureExceptions: { type: 'boolean' },
    masking: {
      type: 'object',
      additionalProperties: false,
      properties: { maskAllInputs: { type: 'boolean' }, maskTextSelector: { type: 'string' }, blockSelector: { type: 'string' }, maskAllElementAttributes: { type: 'boolean' } },
    },
  },
} as const;
