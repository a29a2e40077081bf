import { commonConfigProperties } from '../../../config/recorder-config.schema.ts';
import type { ConfigBase } from '../descriptor.ts';
import { type SentryOptions, sentryOptionsSchema } from './options.ts';

/** Sentry Replay (@sentry/browser) with its own options. */
export interface SentryRecorderConfig {
  name: string;
  description?: string;
  recorder: 'sentry';
  source: string;
  options: SentryOptions;
}


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
