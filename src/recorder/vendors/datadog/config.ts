import { commonConfigProperties } from '../../../config/recorder-config.schema.ts';
import type { ConfigBase } from '../descriptor.ts';
import { type DatadogOptions, datadogOptionsSchema } from './options.ts';

/** Datadog RUM with Session Replay (@datadog/browser-rum) with its own init options. */
export interface DatadogRecorderConfig {
  name: string;
  description?: string;
  recorder: 'datadog';
  source: string;
  options: DatadogOptions;
}

/** A Datadog recorder config: `{"recorder": "datadog", "options": {...datadogRum.init() options}}`. */
export const datadogConfigSchema = {
  type: 'object',
  required: ['recorder'],
  additionalProperties: false,
  properties: { ...commonConfigProperties, recorder: { const: 'datadog' }, options: datadogOptionsSchema },
} as const;

export function parseDatadogConfig(raw: { options?: DatadogOptions }, base: ConfigBase): DatadogRecorderConfig {
  return { ...base, recorder: 'datadog', options: raw.options ?? {} };
}
