import { stringList } from '../schema-parts.ts';
/**
 * The sessionReplay.init() options a recorder config may set (@amplitude/session-replay-browser
 * 1.51.6, lib/esm/config/types.d.ts): the JSON-expressible ones that bear on privacy. The api key,
 * deviceId, sessionId, sampleRate, the server URLs and the web worker are the harness's (see
 * amplitude-adapter.ts). `remoteConfig` is what Amplitude's server answers the SDK's remote config
 * request with (the project's settings in Amplitude), which the harness plays.
 */

export type AmplitudeMaskLevel = 'light' | 'medium' | 'conservative';

/** @amplitude/session-replay-dom-privacy PrivacyConfig. */
export interface AmplitudePrivacyConfig {
  defaultMaskLevel?: AmplitudeMaskLevel;
  maskSelector?: string[];
  unmaskSelector?: string[];
  blockSelector?: string | string[];
  maskAttributes?: string[];
  urlMaskLevels?: { match: string; maskLevel: AmplitudeMaskLevel }[];
}

export interface AmplitudeOptions {
  privacyConfig?: AmplitudePrivacyConfig;
  shouldInlineStylesheet?: boolean;
  inlineImages?: boolean;
  captureDocumentTitle?: boolean;
  enableUrlChangePolling?: boolean;
  applyBackgroundColorToBlockedElements?: boolean;
}

/** What the remote config serves under configs.sessionReplay (lib/esm/config/types.d.ts SessionReplayRemoteConfig). */
export interface AmplitudeRemoteConfig {
  sr_sampling_config?: { capture_enabled?: boolean; sample_rate?: number; min_session_duration_ms?: number };
  sr_privacy_config?: AmplitudePrivacyConfig;
  sr_logging_config?: {
    console?: { enabled: boolean; levels: ('info' | 'log' | 'warn' | 'error')[] };
    network?: { enabled: boolean };
  };
  /** Heatmap interactions: each click's x, y, CSS selector (finder: ids, classes, tags) and page URL, sent as type=interaction batches. */
  sr_interaction_config?: { enabled: boolean; batch?: boolean; trackEveryNms?: number; ugcFilterRules?: { selector: string; replacement: string }[] };
}

const maskLevel = { enum: ['light', 'medium', 'conservative'] };

export const amplitudePrivacySchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    defaultMaskLevel: maskLevel,
    maskSelector: stringList,
    unmaskSelector: stringList,
    blockSelector: { anyOf: [{ type: 'string' }, stringList] },
    maskAttributes: stringList,
    urlMaskLevels: {
      type: 'array',
      items: { type: 'object', required: ['match', 'maskLevel'], additionalProperties: false, properties: { match: { type: 'string' }, maskLevel } },
    },
  },
} as const;

export const amplitudeOptionsSchema = {
  description: 'sessionReplay.init() options of @amplitude/session-replay-browser that bear on privacy.',
  type: 'object',
  additionalProperties: false,
  properties: {
    privacyConfig: amplitudePrivacySchema,
    shouldInlineStylesheet: { type: 'boolean' },
    inlineImages: { type: 'boolean' },
    captureDocumentTitle: { type: 'boolean' },
    enableUrlChangePolling: { type: 'boolean' },
    applyBackgroundColorToBlockedElements: { type: 'boolean' },
  },
} as const;

export const amplitudeRemoteConfigSchema = {
  description:
    "What Amplitude's remote config serves under configs.sessionReplay (the project's settings in Amplitude). Absent or {}: a project with nothing set remotely, so the code's options apply. It overrides the local privacyConfig where they conflict.",
  type: 'object',
  additionalProperties: false,
  properties: {
    sr_sampling_config: {
      type: 'object',
      additionalProperties: false,
      properties: { capture_enabled: { type: 'boolean' }, sample_rate: { type: 'number', minimum: 0, maximum: 1 }, min_session_duration_ms: { type: 'integer', minimum: 0 } },
    },
    sr_privacy_config: amplitudePrivacySchema,
    sr_logging_config: {
      type: 'object',
      additionalProperties: false,
      properties: {
        console: {
          type: 'object',
          required: ['enabled', 'levels'],
          additionalProperties: false,
          properties: { enabled: { type: 'boolean' }, levels: { type: 'array', items: { enum: ['info', 'log', 'warn', 'error'] } } },
        },
        network: { type: 'object', required: ['enabled'], additionalProperties: false, properties: { enabled: { type: 'boolean' } } },
      },
    },
    sr_interaction_config: {
      type: 'object',
      required: ['enabled'],
      additionalProperties: false,
      properties: {
        enabled: { type: 'boolean' },
        batch: { type: 'boolean' },
        trackEveryNms: { type: 'integer', minimum: 1 },
        ugcFilterRules: { type: 'array', items: { type: 'object', required: ['selector', 'replacement'], additionalProperties: false, properties: { selector: { type: 'string' }, replacement: { type: 'string' } } } },
      },
    },
  },
} as const;
