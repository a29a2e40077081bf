import { urlPatterns } from '../schema-parts.ts';
/**
 * The @datadog/browser-rum init options a recorder config may set (`datadogRum.init()`), the
 * JSON-expressible ones that bear on privacy and on what is sent. applicationId, clientToken and the
 * intake (`proxy`) are the harness's; so are the sample rates (see datadog-adapter.ts).
 */

/** A URL pattern as Datadog's match options take it: a string (exact prefix match) or {"regexp": "..."}. */
export type DatadogUrlPattern = string | { regexp: string };

export type DatadogPrivacyLevel = 'allow' | 'mask' | 'mask-user-input' | 'mask-unless-allowlisted';

export interface DatadogOptions {
  defaultPrivacyLevel?: DatadogPrivacyLevel;
  enablePrivacyForActionName?: boolean;
  trackUserInteractions?: boolean;
  trackResources?: boolean;
  trackLongTasks?: boolean;
  trackViewsManually?: boolean;
  actionNameAttribute?: string;
  allowedTracingUrls?: DatadogUrlPattern[];
  excludedActivityUrls?: DatadogUrlPattern[];
  service?: string;
  env?: string;
  version?: string;
  compressIntakeRequests?: boolean;
  startSessionReplayRecordingManually?: boolean;
  trackingConsent?: 'granted' | 'not-granted';
}


export const datadogOptionsSchema = {
  description: 'Options for @datadog/browser-rum datadogRum.init() (applicationId, clientToken, proxy and the sample rates are set by the harness).',
  type: 'object',
  additionalProperties: false,
  properties: {
    defaultPrivacyLevel: { enum: ['allow', 'mask', 'mask-user-input', 'mask-unless-allowlisted'] },
    enablePrivacyForActionName: { type: 'boolean' },
    trackUserInteractions: { type: 'boolean' },
    trackResources: { type: 'boolean' },
    trackLongTasks: { type: 'boolean' },
    trackViewsManually: { type: 'boolean' },
    actionNameAttribute: { type: 'string' },
    allowedTracingUrls: urlPatterns,
    excludedActivityUrls: urlPatterns,
    service: { type: 'string' },
    env: { type: 'string' },
    version: { type: 'string' },
    compressIntakeRequests: { type: 'boolean' },
    startSessionReplayRecordingManually: { type: 'boolean' },
    trackingConsent: { enum: ['granted', 'not-granted'] },
  },
} as const;
