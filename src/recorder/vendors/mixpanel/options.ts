/**
 * The mixpanel.init() options a recorder config may set: the JSON-expressible `record_*` options of
 * mixpanel-browser 2.83.0's session recorder (src/index.d.ts, src/mixpanel-core.js DEFAULT_CONFIG,
 * src/recorder/masking.js), and the two analytics options that make the SDK send events by itself.
 * The token, api_host and record_sessions_percent are the harness's (see mixpanel-adapter.ts).
 */
import type { MixpanelRemoteSettingsMode } from './remote-settings.ts';

/** A class name, or {"regexp": "..."} for the RegExp mixpanel-browser also accepts. */
export type MixpanelClassPattern = string | { regexp: string };

export interface MixpanelNetworkOptions {
  recordHeaders?: { request?: string[]; response?: string[] };
  recordBodyUrls?: { request?: string[]; response?: string[] };
  recordInitialRequests?: boolean;
  initiatorTypes?: string[];
}

export interface MixpanelOptions {
  record_mask_all_inputs?: boolean;
  record_mask_all_text?: boolean;
  record_mask_input_selector?: string | string[];
  record_unmask_input_selector?: string | string[];
  record_mask_text_selector?: string | string[];
  record_unmask_text_selector?: string | string[];
  record_mask_text_class?: MixpanelClassPattern;
  record_block_selector?: string;
  record_block_class?: MixpanelClassPattern;
  record_console?: boolean;
  record_network?: boolean;
  record_network_options?: MixpanelNetworkOptions;
  record_collect_fonts?: boolean;
  record_canvas?: boolean;
  record_inline_images?: boolean;
  record_heatmap_data?: boolean;
  record_idle_timeout_ms?: number;
  record_max_ms?: number;
  record_min_ms?: number;
  autocapture?: boolean;
  track_pageview?: boolean;
  /** Whether the SDK fetches the project's remote settings before recording (./remote-settings.ts). */
  remote_settings_mode?: MixpanelRemoteSettingsMode;
}

const selectorOrList = { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] };
const classPattern = {
  anyOf: [
    { type: 'string' },
    { type: 'object', required: ['regexp'], additionalProperties: false, properties: { regexp: { type: 'string', format: 'regex' } } },
  ],
};
const requestResponse = {
  type: 'object',
  additionalProperties: false,
  properties: { request: { type: 'array', items: { type: 'string' } }, response: { type: 'array', items: { type: 'string' } } },
};

export const mixpanelOptionsSchema = {
  description: 'mixpanel.init() options of the session recorder (record_*), plus autocapture, track_pageview and remote_settings_mode.',
  type: 'object',
  additionalProperties: false,
  properties: {
    record_mask_all_inputs: { type: 'boolean' },
    record_mask_all_text: { type: 'boolean' },
    record_mask_input_selector: selectorOrList,
    record_unmask_input_selector: selectorOrList,
    record_mask_text_selector: selectorOrList,
    record_unmask_text_selector: selectorOrList,
    record_mask_text_class: classPattern,
    record_block_selector: { type: 'string' },
    record_block_class: classPattern,
    record_console: { type: 'boolean' },
    record_network: { type: 'boolean' },
    record_network_options: {
      type: 'object',
      additionalProperties: false,
      properties: {
        recordHeaders: requestResponse,
        recordBodyUrls: requestResponse,
        recordInitialRequests: { type: 'boolean' },
        initiatorTypes: { type: 'array', items: { type: 'string' } },
      },
    },
    record_collect_fonts: { type: 'boolean' },
    record_canvas: { type: 'boolean' },
    record_inline_images: { type: 'boolean' },
    record_heatmap_data: { type: 'boolean' },
    record_idle_timeout_ms: { type: 'integer', minimum: 1 },
    record_max_ms: { type: 'integer', minimum: 1 },
    record_min_ms: { type: 'integer', minimum: 0 },
    autocapture: { type: 'boolean' },
    track_pageview: { type: 'boolean' },
    remote_settings_mode: { enum: ['strict', 'fallback', 'disabled'] },
  },
} as const;

/** The defaults mixpanel-browser 2.83.0 ships (src/mixpanel-core.js DEFAULT_CONFIG; masking.js for the two not in it). */
export const MIXPANEL_DEFAULTS = {
  record_sessions_percent: 0,
  record_mask_all_inputs: true,
  record_mask_all_text: true,
  record_block_selector: 'img, video, audio',
  record_block_class: '^(mp-block|fs-exclude|amp-block|rr-block|ph-no-capture)$',
  record_console: true,
  record_network: false,
  record_collect_fonts: false,
  record_canvas: false,
  record_idle_timeout_ms: 30 * 60 * 1000,
  record_max_ms: 24 * 60 * 60 * 1000,
  remote_settings_mode: 'disabled',
} as const;
