import type { MixpanelRecorderConfig } from './config.ts';
import type { MixpanelNetworkOptions, MixpanelOptions } from './options.ts';

/**
 * Mixpanel's remote settings (mixpanel-browser 2.83.0, src/mixpanel-core.js `_fetch_remote_settings`).
 * With `remote_settings_mode` 'strict' or 'fallback' (default 'disabled': no request), the SDK asks,
 * before it starts recording, `GET {api_host}/settings/?$lib_version&mp_lib=web&sdk_config=1`
 * (Authorization: Basic base64(token:), aborted after 500 ms), and passes to set_config() every key of
 * `sdk_config.config` in the answer that is a key of DEFAULT_CONFIG; the others are dropped. So the
 * project's settings in Mixpanel override the code's record_network, record_console,
 * record_block_selector, record_sessions_percent..., but never its masking (record_mask_all_inputs,
 * record_mask_all_text and the mask selectors are not DEFAULT_CONFIG keys). When the answer fails, is
 * not ok, or holds no valid key: 'strict' sets record_sessions_percent 0 (nothing recorded),
 * 'fallback' keeps the code's options.
 */
export type MixpanelRemoteSettingsMode = 'strict' | 'fallback' | 'disabled';

/** The DEFAULT_CONFIG keys that bear on what is recorded or sent, as the server's JSON can hold them. */
export interface MixpanelRemoteSettings {
  record_sessions_percent?: number;
  record_block_selector?: string;
  /** A class name: JSON cannot carry the RegExp the code default is. */
  record_block_class?: string;
  record_console?: boolean;
  record_network?: boolean;
  record_network_options?: MixpanelNetworkOptions;
  record_canvas?: boolean;
  record_collect_fonts?: boolean;
  record_heatmap_data?: boolean;
  record_idle_timeout_ms?: number;
  record_max_ms?: number;
  record_min_ms?: number;
  /** Taken (it is in DEFAULT_CONFIG), but the recorder never reads it: it masks nothing. */
  record_mask_inputs?: boolean;
  autocapture?: boolean;
  track_pageview?: boolean;
}

const requestResponse = {
  type: 'object',
  additionalProperties: false,
  properties: { request: { type: 'array', items: { type: 'string' } }, response: { type: 'array', items: { type: 'string' } } },
};

export const mixpanelRemoteSettingsSchema = {
  description:
    "What Mixpanel's /settings answers under sdk_config.config (the project's settings in Mixpanel), fetched only with options.remote_settings_mode 'strict' or 'fallback'. Only keys of the SDK's DEFAULT_CONFIG are taken, so masking (record_mask_all_inputs, record_mask_all_text, the mask selectors) cannot be set remotely. Absent or {}: nothing set remotely ('strict' then records nothing, 'fallback' keeps the code's options).",
  type: 'object',
  additionalProperties: false,
  properties: {
    record_sessions_percent: { type: 'number', minimum: 0, maximum: 100 },
    record_block_selector: { type: 'string' },
    record_block_class: { type: 'string' },
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
    record_canvas: { type: 'boolean' },
    record_collect_fonts: { type: 'boolean' },
    record_heatmap_data: { type: 'boolean' },
    record_idle_timeout_ms: { type: 'integer', minimum: 1 },
    record_max_ms: { type: 'integer', minimum: 1 },
    record_min_ms: { type: 'integer', minimum: 0 },
    record_mask_inputs: { type: 'boolean' },
    autocapture: { type: 'boolean' },
    track_pageview: { type: 'boolean' },
  },
} as const;

/** What the SDK's settings request is answered with: the shape it reads (`result.sdk_config.config`). */
export function mixpanelSettingsReply({ remoteSettings }: Pick<MixpanelRecorderConfig, 'remoteSettings'>): string {
  return JSON.stringify({ sdk_config: { config: remoteSettings } });
}

/** How the remote settings end up, as the SDK decides it (the mode and whether any key was served). */
export type MixpanelRemoteOutcome =
  | { fetched: false }
  | { fetched: true; mode: 'strict' | 'fallback'; applied: (keyof MixpanelRemoteSettings)[]; recordingOff: boolean };

export function mixpanelRemoteOutcome({ options, remoteSettings }: Pick<MixpanelRecorderConfig, 'options' | 'remoteSettings'>): MixpanelRemoteOutcome {
  const mode = options.remote_settings_mode ?? 'disabled';
  if (mode === 'disabled') return { fetched: false };
  const applied = Object.keys(remoteSettings) as (keyof MixpanelRemoteSettings)[];
  // 'strict' with nothing valid served sets record_sessions_percent 0; a served 0 turns it off too.
  const recordingOff = (mode === 'strict' && applied.length === 0) || remoteSettings.record_sessions_percent === 0;
  return { fetched: true, mode, applied, recordingOff };
}

/** The options the recorder starts with: the code's, with the served remote settings set over them (set_config is a shallow merge). */
export function mixpanelEffectiveOptions(config: Pick<MixpanelRecorderConfig, 'options' | 'remoteSettings'>): MixpanelOptions {
  const outcome = mixpanelRemoteOutcome(config);
  if (!outcome.fetched || outcome.applied.length === 0) return config.options;
  const { record_sessions_percent: _sampling, record_mask_inputs: _unread, ...recording } = config.remoteSettings;
  return { ...config.options, ...recording };
}
