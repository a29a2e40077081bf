import { commonConfigProperties } from '../../../config/recorder-config.schema.ts';
import type { ConfigBase } from '../descriptor.ts';
import { type HighlightOptions, highlightOptionsSchema } from './options.ts';

/** Highlight session replay (highlight.run H.init) with its own options. */
export interface HighlightRecorderConfig {
  name: string;
  description?: string;
  recorder: 'highlight';
  source: string;
  options: HighlightOptions;
}

/** A Highlight recorder config: `{"recorder": "highlight", "options": {...H.init options}}`. */
export const highlightConfigSchema = {
  type: 'object',
  required: ['recorder'],
  additionalProperties: false,
  properties: { ...commonConfigProperties, recorder: { const: 'highlight' }, options: highlightOptionsSchema },
} as const;

export function parseHighlightConfig(raw: { options?: HighlightOptions }, base: ConfigBase): HighlightRecorderConfig {
  return { ...base, recorder: 'highlight', options: raw.options ?? {} };
}
