import { commonConfigProperties } from '../../../config/recorder-config.schema.ts';
import type { ConfigBase } from '../descriptor.ts';
import { type NewrelicInitOptions, type NewrelicRumFlags, newrelicInitSchema, newrelicRumSchema } from './options.ts';

/** New Relic browser session replay (@newrelic/browser-agent) with its init options and the RUM flags its server sends. */
export interface NewrelicRecorderConfig {
  name: string;
  description?: string;
  recorder: 'newrelic';
  source: string;
  /** The agent's init options (`new BrowserAgent({init: options})`). */
  options: NewrelicInitOptions;
  rum: NewrelicRumFlags;
}

/** A New Relic recorder config: `{"recorder": "newrelic", "options": {<init>}, "rum": {...}}`. */
export const newrelicConfigSchema = {
  type: 'object',
  required: ['recorder'],
  additionalProperties: false,
  properties: { ...commonConfigProperties, recorder: { const: 'newrelic' }, options: newrelicInitSchema, rum: newrelicRumSchema },
} as const;

export function parseNewrelicConfig(raw: { options?: NewrelicInitOptions; rum?: NewrelicRumFlags }, base: ConfigBase): NewrelicRecorderConfig {
  return { ...base, recorder: 'newrelic', options: raw.options ?? {}, rum: raw.rum ?? {} };
}
