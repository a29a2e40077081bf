import type { NewrelicRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';
import type { RecorderSurfaces } from '../descriptor.ts';

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

/**
 * Beside the replay the agent sends what a click touched: user actions (generic_events, entitled by
 * `ins`) with the target's selector path and `elementAttributes` (id, className, tagName, type by
 * default), and a soft navigation (entitled by `spa`) whose `actionText` is the clicked element's
 * title, value or innerText, unmasked (soft_navigations/aggregate/index.js), sent when the click
 * changes the URL. Its server answers flags, never privacy settings. No canvas option reaches rrweb
 * (session_replay/shared/recorder.js).
 */
export function newrelicSurfaces({ options: init, rum }: NewrelicRecorderConfig): RecorderSurfaces {
  const userActions = (init.generic_events?.enabled ?? true) && (init.user_actions?.enabled ?? true) && (rum.ins ?? 1) === 1;
  const softNavigations = (init.soft_navigations?.enabled ?? true) && (rum.spa ?? 1) === 1;
  return {
    clickBreadcrumbs: userActions || softNavigations,
    remoteConfig: false,
    canvas: false,
    notSent: {
      canvas: 'New Relic never records canvas content (its recorder passes no recordCanvas to rrweb, and init has no canvas option)',
      clickBreadcrumbs: 'New Relic sends no click data under this config (user_actions and soft_navigations off, or not entitled by the RUM answer)',
      remoteConfig: 'New Relic\'s server answers feature flags and sampling (sr, srs, st...), never privacy settings: masking is all in the page\'s init',
    },
  };
}

export const NO_ROUTE_BLOCKING =
  'the New Relic browser agent has no option to leave routes unrecorded (session_replay has no URL allow or deny list; an app has to call newrelic.pauseReplay() in its own code)';
