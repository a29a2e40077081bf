import { stringList, urlPatterns } from '../schema-parts.ts';
/**
 * The Sentry options a recorder config may set: `Sentry.init()` options under "init", and
 * `Sentry.replayIntegration()` options under "replay", the JSON-expressible ones that bear on
 * privacy. The DSN, the sample rates and minReplayDuration are the harness's (see sentry-adapter.ts).
 */

/** A URL pattern: a substring, as Sentry matches strings, or {"regexp": "..."} for a RegExp. */
export type SentryUrlPattern = string | { regexp: string };

export interface SentryReplayOptions {
  maskAllText?: boolean;
  maskAllInputs?: boolean;
  blockAllMedia?: boolean;
  mask?: string[];
  unmask?: string[];
  block?: string[];
  unblock?: string[];
  ignore?: string[];
  maskAttributes?: string[];
  networkDetailAllowUrls?: SentryUrlPattern[];
  networkDetailDenyUrls?: SentryUrlPattern[];
  networkCaptureBodies?: boolean;
  networkRequestHeaders?: string[];
  networkResponseHeaders?: string[];
  useCompression?: boolean;
  stickySession?: boolean;
  mutationLimit?: number;
  mutationBreadcrumbLimit?: number;
  slowClickTimeout?: number;
  slowClickIgnoreSelectors?: string[];
}

export interface SentryInitOptions {
  sendDefaultPii?: boolean;
  maxBreadcrumbs?: number;
  attachStacktrace?: boolean;
  environment?: string;
  release?: string;
  ignoreErrors?: string[];
}

export interface SentryOptions {
  init?: SentryInitOptions;
  replay?: SentryReplayOptions;
}


export const sentryOptionsSchema = {
  description: 'Options for @sentry/browser: Sentry.init() under "init", replayIntegration() under "replay".',
  type: 'object',
  additionalProperties: false,
  properties: {
    init: {
      type: 'object',
      additionalProperties: false,
      properties: {
        sendDefaultPii: { type: 'boolean' },
        maxBreadcrumbs: { type: 'integer', minimum: 0 },
        attachStacktrace: { type: 'boolean' },
        environment: { type: 'string' },
        release: { type: 'string' },
        ignoreErrors: stringList,
      },
    },
    replay: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maskAllText: { type: 'boolean' },
        maskAllInputs: { type: 'boolean' },
        blockAllMedia: { type: 'boolean' },
        mask: stringList,
        unmask: stringList,
        block: stringList,
        unblock: stringList,
        ignore: stringList,
        maskAttributes: stringList,
        networkDetailAllowUrls: urlPatterns,
        networkDetailDenyUrls: urlPatterns,
        networkCaptureBodies: { type: 'boolean' },
        networkRequestHeaders: stringList,
        networkResponseHeaders: stringList,
        useCompression: { type: 'boolean' },
        stickySession: { type: 'boolean' },
        mutationLimit: { type: 'integer', minimum: 1 },
        mutationBreadcrumbLimit: { type: 'integer', minimum: 1 },
        slowClickTimeout: { type: 'integer', minimum: 0 },
        slowClickIgnoreSelectors: stringList,
      },
    },
  },
} as const;
