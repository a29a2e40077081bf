import { commonConfigProperties } from '../../../config/recorder-config.schema.ts';
import type { ConfigBase } from '../descriptor.ts';
import { type PosthogOptions, type PosthogProjectSettings, posthogOptionsSchema, posthogProjectSchema } from './options.ts';

/** PostHog session recording (posthog-js) with its own options and the project settings it is served. */
export interface PosthogRecorderConfig {
  name: string;
  description?: string;
  recorder: 'posthog';
  source: string;
  options: PosthogOptions;
  project: PosthogProjectSettings;
}


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
