import type { NewrelicRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';

/**
 * New Relic's replay is rrweb with no network or console plugin: requests are not in the recording
 * (the agent sends them as AJAX events to /events, beside it: scanned as metadata). Errors are sent
 * beside the replay by the jserrors feature (on by default, entitled by the RUM answer's `err` flag).
 * Nothing in the agent leaves a route unrecorded.
 */
export function newrelicCapabilities({ options: init, rum }: NewrelicRecorderConfig): RecorderCapabilities {
  return {
    routeBlocking: false,
    networkRecording: false,
    errorRecording: (init.jserrors?.enabled ?? true) && (rum.err ?? 1) === 1,
  };
}

export const NO_ROUTE_BLOCKING =
  'the New Relic browser agent has no option to leave routes unrecorded (session_replay has no URL allow or deny list; an app has to call newrelic.pauseReplay() in its own code)';
