import type { MixpanelRecorderConfig } from './config.ts';
import { type MixpanelOptions, mixpanelOptionsSchema } from './options.ts';

/**
 * Mixpanel's remote settings (mixpanel-browser 2.83.0, mixpanel-core.js `_fetch_remote_settings`): with
 * `remote_settings_mode` 'strict' or 'fallback' the SDK asks `GET {api_host}/settings/?sdk_config=1`
 * before it records, and `set_config`s every key of the answer's `sdk_config.config` that DEFAULT_CONFIG
 * has, over the page's own options (the server wins). The masking keys (record_mask_all_inputs,
 * record_mask_all_text, the mask selectors) are not in DEFAULT_CONFIG, so the server can never change
 * masking; it can unblock media, turn network, console or canvas on, or stop the recording. In 'strict'
 * mode an answer without valid keys (or a failed call) sets record_sessions_percent to 0: nothing is
 * recorded. 'disabled' (the default) fetches nothing.
 */
export type MixpanelRemoteSettingsMode = 'strict' | 'fallback' | 'disabled';

/** The DEFAULT_CONFIG keys of the recorder a server answer can set (the ones a recorder config models). */
const REMOTE_KEYS = [
  'record_block_selector',
  'record_block_class',
  'record_canvas',
  'record_collect_fonts',
  'record_console',
  'record_heatmap_data',
  'record_idle_timeout_ms',
  'record_max_ms',
  'record_min_ms',
  'record_network',
  'record_network_options',
] as const;

export type MixpanelRemoteSettings = Pick<MixpanelOptions, (typeof REMOTE_KEYS)[number]> & {
  /** The share of sessions recorded, as the server decides it (0 stops the replay). */
  record_sessions_percent?: number;
};

const local = mixpanelOptionsSchema.properties;

/** The server's `sdk_config.config`: only keys the SDK takes; a masking key is an error (the SDK would ignore it). */
export const mixpanelRemoteSettingsSchema = {
  description:
    'What Mixpanel\'s server answers GET /settings with (sdk_config.config), used with options.remote_settings_mode "strict" or "fallback". Only DEFAULT_CONFIG keys are taken by the SDK: masking cannot be set remotely.',
  type: 'object',
  additionalProperties: false,
  properties: {
    ...Object.fromEntries(REMOTE_KEYS.map((key) => [key, local[key]])),
    // A server sends JSON: a class name, never a RegExp.
    record_block_class: { type: 'string' },
    record_sessions_percent: { type: 'number', minimum: 0, maximum: 100 },
  },
} as const;

export function remoteSettingsMode({ options }: Pick<MixpanelRecorderConfig, 'options'>): MixpanelRemoteSettingsMode {
  return options.remote_settings_mode ?? 'disabled';
}

/** The SDK fetches remote settings under this config. */
export function fetchesRemoteSettings(config: Pick<MixpanelRecorderConfig, 'options'>): boolean {
  return remoteSettingsMode(config) !== 'disabled';
}

/** The answer the harness gives the SDK's settings call, as Mixpanel's server would for this project. */
export function mixpanelSettingsReply({ remoteSettings }: Pick<MixpanelRecorderConfig, 'remoteSettings'>): string {
  return Object.keys(remoteSettings).length > 0 ? JSON.stringify({ sdk_config: { config: remoteSettings } }) : '{}';
}

/**
 * The options the recorder runs with: the page's, with the server's settings over them when the mode
 * fetches them; in strict mode with nothing valid from the server, replay off (record_sessions_percent 0).
 */
export function effectiveMixpanelOptions(config: Pick<MixpanelRecorderConfig, 'options' | 'remoteSettings'>): MixpanelOptions & { record_sessions_percent?: number } {
  const mode = remoteSettingsMode(config);
  if (mode === 'disabled') return config.options;
  if (Object.keys(config.remoteSettings).length === 0) return mode === 'strict' ? { ...config.options, record_sessions_percent: 0 } : config.options;
  return { ...config.options, ...config.remoteSettings };
}
