import type { PosthogRecorderConfig } from '../../../config/recorder-config.ts';
import { commonConfigProperties } from '../../../config/recorder-config.schema.ts';
import type { ConfigBase } from '../descriptor.ts';
import { type PosthogProjectSettings, posthogOptionsSchema, posthogProjectSchema } from './options.ts';

/** A PostHog recorder config: its client options and the project settings it is served. */
export const posthogConfigSchema = {
  type: 'object',
  required: ['recorder'],
  additionalProperties: false,
  properties: { ...commonConfigProperties, recorder: { const: 'posthog' }, options: posthogOptionsSchema, project: posthogProjectSchema },
} as const;

export function parsePosthogConfig(raw: { options?: object; project?: PosthogProjectSettings }, base: ConfigBase): PosthogRecorderConfig {
  return { ...base, recorder: 'posthog', options: raw.options ?? {}, project: raw.project ?? {} };
}
