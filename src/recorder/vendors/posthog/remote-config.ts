import type { PosthogProjectSettings } from './options.ts';

/**
 * What the harness answers posthog-js's remote-config request (GET /array/<token>/config) with: the
 * shape PostHog serves for a project with session replay turned on, every other project setting at
 * its default (console logs and network timing captured, no network payloads, no URL blocklist,
 * exception autocapture off), changed only by the config's "project" settings.
 */
export function remoteConfig(token: string, project: PosthogProjectSettings) {
  const networkTiming = project.networkTiming ?? true;
  const payloads = project.recordHeaders || project.recordBody;
  const autocaptureExceptions = project.autocaptureExceptions ?? false;
  return {
    token,
    supportedCompression: ['gzip', 'gzip-js'],
    // No flags request: the harness has no flags to serve.
    hasFeatureFlags: false,
    captureDeadClicks: false,
    capturePerformance: networkTiming ? { network_timing: true, web_vitals: false, web_vitals_allowed_metrics: null } : false,
    autocapture_opt_out: false,
    autocaptureExceptions,
    errorTracking: { autocaptureExceptions, suppressionRules: [] },
    analytics: { endpoint: '/i/v0/e/' },
    elementsChainAsString: true,
    sessionRecording: {
      endpoint: '/s/',
      consoleLogRecordingEnabled: project.consoleLogs ?? true,
      recorderVersion: 'v2',
      sampleRate: null,
      minimumDurationMilliseconds: null,
      linkedFlag: null,
      networkPayloadCapture: payloads ? { recordHeaders: project.recordHeaders ?? false, recordBody: project.recordBody ?? false } : null,
      urlTriggers: [],
      urlBlocklist: (project.urlBlocklist ?? []).map((url) => ({ url, matching: 'regex' })),
      eventTriggers: [],
      scriptConfig: null,
      // "Privacy and masking": sent only when the project sets it (PostHog omits the key otherwise).
      ...(project.masking ? { masking: project.masking } : {}),
    },
    heatmaps: false,
    surveys: [],
    defaultIdentifiedOnly: true,
  };
}
