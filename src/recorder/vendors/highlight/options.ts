/**
 * The H.init() options a recorder config may set (highlight.run 10.7.5, HighlightOptions in
 * dist/index.d.ts): the JSON-expressible ones that bear on privacy. backendUrl and otlpEndpoint are
 * the harness's (see highlight-adapter.ts).
 */

export interface HighlightNetworkRecording {
  enabled?: boolean;
  recordHeadersAndBody?: boolean;
  disableWebSocketEventRecordings?: boolean;
  networkHeadersToRedact?: string[];
  networkBodyKeysToRedact?: string[];
  urlBlocklist?: string[];
  headerKeysToRecord?: string[];
  bodyKeysToRecord?: string[];
  destinationDomains?: string[];
}

export interface HighlightOptions {
  privacySetting?: 'default' | 'strict' | 'none';
  /** Older name of strict privacy: highlight.run 10.7.5 no longer reads it (it is accepted, and reported as ignored). */
  enableStrictPrivacy?: boolean;
  maskAllInputs?: boolean;
  maskInputOptions?: Record<string, boolean>;
  maskTextClass?: string;
  maskTextSelector?: string;
  blockClass?: string;
  blockSelector?: string;
  ignoreClass?: string;
  ignoreSelector?: string;
  networkRecording?: boolean | HighlightNetworkRecording;
  disableNetworkRecording?: boolean;
  disableConsoleRecording?: boolean;
  consoleMethodsToRecord?: string[];
  reportConsoleErrors?: boolean;
  disableSessionRecording?: boolean;
  disableBackgroundRecording?: boolean;
  enableCanvasRecording?: boolean;
  enablePerformanceRecording?: boolean;
  inlineImages?: boolean;
  inlineVideos?: boolean;
  inlineStylesheet?: boolean;
  recordCrossOriginIframe?: boolean;
  tracingOrigins?: boolean | string[];
  environment?: string;
  version?: string;
  serviceName?: string;
  sessionCookie?: boolean;
  storageMode?: 'sessionStorage' | 'localStorage';
  sendMode?: 'webworker' | 'local';
  productAnalytics?: boolean;
}

const strings = { type: 'array', items: { type: 'string' } } as const;
const inputTypes = [
  'color', 'date', 'datetime-local', 'email', 'month', 'number', 'range', 'search', 'tel', 'text', 'time', 'url', 'week', 'textarea', 'select', 'password',
];

export const highlightOptionsSchema = {
  description: 'H.init() options of highlight.run (backendUrl and otlpEndpoint are set by the harness).',
  type: 'object',
  additionalProperties: false,
  properties: {
    privacySetting: { enum: ['default', 'strict', 'none'] },
    enableStrictPrivacy: { type: 'boolean' },
    maskAllInputs: { type: 'boolean' },
    maskInputOptions: { type: 'object', additionalProperties: false, properties: Object.fromEntries(inputTypes.map((key) => [key, { type: 'boolean' }])) },
    maskTextClass: { type: 'string' },
    maskTextSelector: { type: 'string' },
    blockClass: { type: 'string' },
    blockSelector: { type: 'string' },
    ignoreClass: { type: 'string' },
    ignoreSelector: { type: 'string' },
    networkRecording: {
      anyOf: [
        { type: 'boolean' },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            enabled: { type: 'boolean' },
            recordHeadersAndBody: { type: 'boolean' },
            disableWebSocketEventRecordings: { type: 'boolean' },
            networkHeadersToRedact: strings,
            networkBodyKeysToRedact: strings,
            urlBlocklist: strings,
            headerKeysToRecord: strings,
            bodyKeysToRecord: strings,
            destinationDomains: strings,
          },
        },
      ],
    },
    disableNetworkRecording: { type: 'boolean' },
    disableConsoleRecording: { type: 'boolean' },
    consoleMethodsToRecord: strings,
    reportConsoleErrors: { type: 'boolean' },
    disableSessionRecording: { type: 'boolean' },
    disableBackgroundRecording: { type: 'boolean' },
    enableCanvasRecording: { type: 'boolean' },
    enablePerformanceRecording: { type: 'boolean' },
    inlineImages: { type: 'boolean' },
    inlineVideos: { type: 'boolean' },
    inlineStylesheet: { type: 'boolean' },
    recordCrossOriginIframe: { type: 'boolean' },
    tracingOrigins: { anyOf: [{ type: 'boolean' }, strings] },
    environment: { type: 'string' },
    version: { type: 'string' },
    serviceName: { type: 'string' },
    sessionCookie: { type: 'boolean' },
    storageMode: { enum: ['sessionStorage', 'localStorage'] },
    sendMode: { enum: ['webworker', 'local'] },
    productAnalytics: { type: 'boolean' },
  },
} as const;

/** The privacy setting the SDK runs with (client/index.tsx `_initMembers`): privacySetting, else 'default'; enableStrictPrivacy is not read. */
export function effectivePrivacy(options: HighlightOptions): 'default' | 'strict' | 'none' {
  return options.privacySetting ?? 'default';
}
