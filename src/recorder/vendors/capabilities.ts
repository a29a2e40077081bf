import type { RecorderConfig } from '../../config/recorder-config.ts';
import type { RecorderCapabilities } from '../adapter.ts';

/**
 * What a recorder config can support, without starting anything: the same answer its adapter gives,
 * for code that only has the config (audits re-run on saved evidence).
 */
export function capabilitiesOfConfig(config: RecorderConfig): RecorderCapabilities {
  if (config.recorder === 'rrweb') {
    return { routeBlocking: true, networkRecording: config.policy.network.record, errorRecording: config.policy.errors.record };
  }
  if (config.recorder === 'sentry') {
    // No option leaves routes unrecorded; fetch/XHR are always performance spans; errors always reported.
    return { routeBlocking: false, networkRecording: true, errorRecording: true };
  }
  const { options, project } = config;
  const performance = options.capture_performance;
  // The client's setting wins over the project's (posthog-js: networkTimingFromConfig, _networkPayloadCapture).
  const timing = typeof performance === 'object' ? (performance.network_timing ?? project.networkTiming ?? true) : (performance ?? project.networkTiming ?? true);
  const headers = options.session_recording?.recordHeaders ?? project.recordHeaders ?? false;
  const bodies = options.session_recording?.recordBody ?? project.recordBody ?? false;
  return {
    // Only through the project's URL blocklist.
    routeBlocking: (project.urlBlocklist ?? []).length > 0,
    networkRecording: Boolean(timing || headers || bodies),
    // Uncaught errors reach the recording through the console-log plugin.
    errorRecording: options.enable_recording_console_log ?? project.consoleLogs ?? true,
  };
}
