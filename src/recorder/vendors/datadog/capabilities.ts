import type { DatadogRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';

/**
 * No option leaves routes unrecorded (an app calls stopSessionReplayRecording() in its own code);
 * requests are RUM resource events while trackResources is on (the default); errors are always RUM errors.
 */
export function datadogCapabilities({ options }: DatadogRecorderConfig): RecorderCapabilities {
  return { routeBlocking: false, networkRecording: options.trackResources ?? true, errorRecording: true };
}

export const DATADOG_NO_ROUTE_BLOCKING =
  'Datadog Session Replay has no option to leave routes unrecorded (an app has to call stopSessionReplayRecording() in its own code on those routes)';
