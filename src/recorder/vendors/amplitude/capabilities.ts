import type { AmplitudeRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';
import type { RecorderSurfaces } from '../descriptor.ts';

/** No option leaves routes unrecorded; network and console (errors) only when the remote config's sr_logging_config turns them on. */
export function amplitudeCapabilities({ remoteConfig }: AmplitudeRecorderConfig): RecorderCapabilities {
  return {
    routeBlocking: false,
    networkRecording: remoteConfig.sr_logging_config?.network?.enabled ?? false,
    errorRecording: remoteConfig.sr_logging_config?.console?.enabled ?? false,
  };
}

/**
 * The SDK always fetches its remote config before it records (no answer: no capture), and the remote
 * sr_privacy_config wins over the local privacyConfig (joined-config.js): a remote config is always a
 * surface. Clicks are sent only as heatmap interactions (hooks/click.js: x, y, a CSS selector, the page
 * URL), which the remote sr_interaction_config turns on. rrweb is always started with recordCanvas: false
 * (session-replay.js).
 */
export function amplitudeSurfaces({ remoteConfig }: AmplitudeRecorderConfig): RecorderSurfaces {
  return {
    clickBreadcrumbs: remoteConfig.sr_interaction_config?.enabled ?? false,
    remoteConfig: true,
    canvas: false,
    notSent: {
      canvas: 'Amplitude never records canvas content (session-replay.js passes recordCanvas: false to rrweb, whatever the config)',
      clickBreadcrumbs: 'Amplitude sends clicks only as heatmap interactions, which its remote sr_interaction_config turns on (off in this remote config)',
    },
  };
}
