import { commonConfigProperties } from '../../../config/recorder-config.schema.ts';
import type { ConfigBase } from '../descriptor.ts';
import { type MixpanelOptions, mixpanelOptionsSchema } from './options.ts';

/** Mixpanel Session Replay (mixpanel-browser, its default build with the recorder bundled) with its own options. */
export interface MixpanelRecorderConfig {
  name: string;
  description?: string;
  recorder: 'mixpanel';
  source: string;
  options: MixpanelOptions;
}

/** A Mixpanel recorder config: `{"recorder": "mixpanel", "options": {...mixpanel.init() record_* options}}`. */
export const mixpanelConfigSchema = {
  type: 'object',
  required: ['recorder'],
  additionalProperties: false,
  properties: { ...commonConfigProperties, recorder: { const: 'mixpanel' }, options: mixpanelOptionsSchema },
} as const;

export function parseMixpanelConfig(raw: { options?: MixpanelOptions }, base: ConfigBase): MixpanelRecorderConfig {
  return { ...base, recorder: 'mixpanel', options: raw.options ?? {} };
}
