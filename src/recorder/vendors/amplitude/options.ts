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

/** A rule rewriting page URLs (lib/esm/helpers.js getPageUrl): the first rule whose glob matches replaces it. */
export interface AmplitudeUgcFilterRule {
  selector: string;
  replacement: string;
}

export interface AmplitudeOptions {
  privacyConfig?: AmplitudePrivacyConfig;
  /**
   * Only its ugcFilterRules are the code's: joined-config.js takes the rest from the remote
   * sr_interaction_config, and keeps these rules only when the remote config serves one.
   */
  interactionConfig?: { ugcFilterRules?: AmplitudeUgcFilterRule[] };
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
    network?: { enabled: boolean; body?: AmplitudeNetworkBodyConfig };
  };
  /** Heatmap clicks and scrolls (type=interaction requests); only the remote config sets it (joined-config.js). */
  sr_interaction_config?: AmplitudeInteractionConfig;
  /** Which sessions are recorded: an Amplitude Experiment flag (@amplitude/targeting), replacing sample_rate. */
  sr_targeting_config?: AmplitudeTargetingFlag;
}

/** lib/esm/network-body-capture.d.ts BodyCaptureRuleConfig: true, or on unless enabled is false; allowlist/excludelist are JSON paths kept/dropped. */
export type AmplitudeBodyCaptureRule = boolean | { enabled?: boolean; allowlist?: string[]; blocklist?: string[]; excludelist?: string[] };

/** Request and response body capture of the remote network logging (lib/esm/observers.js). */
export interface AmplitudeNetworkBodyConfig {
  request?: AmplitudeBodyCaptureRule;
  response?: AmplitudeBodyCaptureRule;
  maxBodySizeBytes?: number;
}

export interface AmplitudeInteractionConfig {
  enabled: boolean;
  batch: boolean;
  trackEveryNms?: number;
}

/** @amplitude/experiment-core 0.7.2 EvaluationFlag, as the targeting config serves it (evaluation/flag.d.ts). */
export interface AmplitudeTargetingFlag {
  key: 'sr_targeting_config';
  variants: Record<string, { key?: string; value?: unknown; payload?: unknown; metadata?: Record<string, unknown> }>;
  segments: AmplitudeTargetingSegment[];
  dependencies?: string[];
  metadata?: Record<string, unknown>;
}

export interface AmplitudeTargetingSegment {
  /** OR of ANDs: the segment applies when every condition of one inner list holds. */
  conditions?: { selector: string[]; op: string; values: string[] }[][];
  variant?: string;
  bucket?: { selector: string[]; salt: string; allocations: { range: number[]; distributions: { variant: string; range: number[] }[] }[] };
  metadata?: Record<string, unknown>;
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
    interactionConfig: {
      description: "Only ugcFilterRules: globs over the page URL and their replacement, applied to heatmap click records and URL-tracking events while the remote config serves sr_interaction_config (its other keys are remote-only).",
      type: 'object',
      additionalProperties: false,
      properties: {
        ugcFilterRules: {
          type: 'array',
          items: { type: 'object', required: ['selector', 'replacement'], additionalProperties: false, properties: { selector: { type: 'string', minLength: 1 }, replacement: { type: 'string' } } },
        },
      },
    },
    shouldInlineStylesheet: { type: 'boolean' },
    inlineImages: { type: 'boolean' },
    captureDocumentTitle: { type: 'boolean' },
    enableUrlChangePolling: { type: 'boolean' },
    applyBackgroundColorToBlockedElements: { type: 'boolean' },
  },
} as const;

/** The operators of @amplitude/experiment-core 0.7.2 (EvaluationOperator). */
export const TARGETING_OPERATORS = [
  'is', 'is not', 'contains', 'does not contain', 'less', 'less or equal', 'greater', 'greater or equal',
  'version less', 'version less or equal', 'version greater', 'version greater or equal',
  'set is', 'set is not', 'set contains', 'set does not contain', 'set contains any', 'set does not contain any',
  'regex match', 'regex does not match',
] as const;

const bodyCaptureRule = {
  anyOf: [
    { type: 'boolean' },
    { type: 'object', additionalProperties: false, properties: { enabled: { type: 'boolean' }, allowlist: stringList, blocklist: stringList, excludelist: stringList } },
  ],
};

const targetingFlagSchema = {
  description:
    "Which sessions are recorded: an Amplitude Experiment flag evaluated in the page (@amplitude/targeting) on the session's page URL, user properties and events. Its 'on' variant records; with it, sample_rate is not used. Once a session matched, it stays recorded (cached per session in IndexedDB), whatever page it reaches next.",
  type: 'object',
  required: ['key', 'variants', 'segments'],
  additionalProperties: false,
  properties: {
    // The SDK reads the result under this key (targeting-manager.js): another key would record every session.
    key: { const: 'sr_targeting_config' },
    variants: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        additionalProperties: false,
        properties: { key: { type: 'string' }, value: {}, payload: {}, metadata: { type: 'object' } },
      },
    },
    segments: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          conditions: {
            type: 'array',
            items: {
              type: 'array',
              items: {
                type: 'object',
                required: ['selector', 'op', 'values'],
                additionalProperties: false,
                properties: { selector: stringList, op: { enum: TARGETING_OPERATORS }, values: stringList },
              },
            },
          },
          variant: { type: 'string' },
          bucket: { type: 'object' },
          metadata: { type: 'object' },
        },
      },
    },
    dependencies: stringList,
    metadata: { type: 'object' },
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
        network: {
          type: 'object',
          required: ['enabled'],
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean' },
            body: {
              description: 'Request and response bodies recorded in the fetch-request events (lib/esm/observers.js); allowlist/excludelist are JSON paths.',
              type: 'object',
              additionalProperties: false,
              properties: { request: bodyCaptureRule, response: bodyCaptureRule, maxBodySizeBytes: { type: 'integer', minimum: 1 } },
            },
          },
        },
      },
    },
    sr_interaction_config: {
      description: 'Heatmap clicks and scrolls, sent as type=interaction requests (each click: x/y, the CSS selector of the clicked element, the page URL).',
      type: 'object',
      required: ['enabled', 'batch'],
      additionalProperties: false,
      properties: { enabled: { type: 'boolean' }, batch: { type: 'boolean' }, trackEveryNms: { type: 'integer', minimum: 1 } },
    },
    sr_targeting_config: targetingFlagSchema,
  },
} as const;
