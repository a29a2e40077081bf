import type { SentryRecorderConfig } from '../../../config/recorder-config.ts';
import { commonConfigProperties } from '../../../config/recorder-config.schema.ts';
import type { ConfigBase } from '../descriptor.ts';
import { sentryOptionsSchema } from './options.ts';

/** A Sentry recorder config: `{"recorder": "sentry", "options": {...}}`. */
export const sentryConfigSchema = {
  type: 'object',
  required: ['recorder'],
  additionalProperties: false,
  properties: { ...commonConfigProperties, recorder: { const: 'sentry' }, options: sentryOptionsSchema },
} as const;

export function parseSentryConfig(raw: { options?: object }, base: ConfigBase): SentryRecorderConfig {
  return { ...base, recorder: 'sentry', options: raw.options ?? {} };
}
