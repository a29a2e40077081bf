import { commonConfigProperties } from '../../../config/recorder-config.schema.ts';
import type { ConfigBase } from '../descriptor.ts';
import { type MixpanelOptions, mixpanelOptionsSchema } from './options.ts';
import { type MixpanelRemoteSettings, mixpanelRemoteSettingsSchema } from './remote-settings.ts';

/** Mixpanel Session Replay (mixpanel-browser, its default build with the recorder bundled) with its own options. */
export interface MixpanelRecorderConfig {
  name: string;
  description?: string;
  recorder: 'mixpanel';
  source: string;
  options: MixpanelOptions;
  /** What the project's remote settings hold (served only when options.remote_settings_mode asks for them). */
  remoteSettings: MixpanelRemoteSettings;
}

/** A Mixpanel recorder config: `{"recorder": "mixpanel", "options": {...mixpanel.init() record_* options}, "remoteSettings": {...}}`. */
export const mixpanelConfigSchema = {
  type: 'object',
  required: ['recorder'],
  additionalProperties: false,
  properties: { ...commonConfigProperties, recorder: { const: 'mixpanel' }, options: mixpanelOptionsSchema, remoteSettings: mixpanelRemoteSettingsSchema },
} as const;

export function parseMixpanelConfig(raw: { options?: MixpanelOptions; remoteSettings?: MixpanelRemoteSettings }, base: ConfigBase): MixpanelRecorderConfig {
  return { ...base, recorder: 'mixpanel', options: raw.options ?? {}, remoteSettings: raw.remoteSettings ?? {} };
}
