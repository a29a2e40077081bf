import type { NewrelicRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';

/**
 * New Relic's replay is rrweb with no network or console plugin. Requests are in the session trace
 * (on by default, entitled and sampled by the RUM answer's `st`/`sts`), which New Relic shows beside
 * the replay (./readers.ts); the AJAX feature also sends every request as an event to /events (scanned
 * as metadata). Errors are sent beside the replay by the jserrors feature (on by default, entitled by
 * `err`). Nothing in the agent leaves a route unrecorded.
 */
export function newrelicCapabilities({ options: init, rum }: NewrelicRecorderConfig): RecorderCapabilities {
  return {
    routeBlocking: false,
    networkRecording: (init.session_trace?.enabled ?? true) && (rum.st ?? 1) === 1 && (rum.sts ?? 1) !== 0,
    errorRecording: (init.jserrors?.enabled ?? true) && (rum.err ?? 1) === 1,
  };
}

export const NO_ROUTE_BLOCKING =
  'the New Relic browser agent has no option to leave routes unrecorded (session_replay has no URL allow or deny list; an app has to call newrelic.pauseReplay() in its own code)';
