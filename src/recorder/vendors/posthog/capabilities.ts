import type { PosthogRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';

export function posthogCapabilities({ options, project }: PosthogRecorderConfig): RecorderCapabilities {
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
