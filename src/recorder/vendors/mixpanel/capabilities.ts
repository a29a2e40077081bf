import type { MixpanelRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';
import type { RecorderSurfaces } from '../descriptor.ts';
import { MIXPANEL_DEFAULTS } from './options.ts';
import { effectiveMixpanelOptions, fetchesRemoteSettings } from './remote-settings.ts';

/** No option leaves routes unrecorded; network only with record_network; errors through the console plugin (record_console, on by default). */
export function mixpanelCapabilities(config: MixpanelRecorderConfig): RecorderCapabilities {
  // The server's settings, where the config fetches them, win over the page's (./remote-settings.ts).
  const options = effectiveMixpanelOptions(config);
  return {
    routeBlocking: false,
    networkRecording: options.record_network ?? MIXPANEL_DEFAULTS.record_network,
    errorRecording: options.record_console ?? MIXPANEL_DEFAULTS.record_console,
  };
}

/**
 * Clicks reach Mixpanel only through autocapture (off by default): `$mp_click` events to /track with the
 * element's attributes. Remote settings are fetched only with remote_settings_mode 'strict' or 'fallback'
 * (default 'disabled'); they change DEFAULT_CONFIG keys (blocking, network, console), never masking.
 */
export function mixpanelSurfaces(config: MixpanelRecorderConfig): RecorderSurfaces {
  return {
    clickBreadcrumbs: config.options.autocapture ?? false,
    remoteConfig: fetchesRemoteSettings(config),
    notSent: {
      clickBreadcrumbs: 'Mixpanel sends no click events with autocapture off (the default): the replay is the whole record of a click',
      remoteConfig: 'Mixpanel fetches no remote settings with remote_settings_mode \'disabled\' (the default): the local config is the whole config',
    },
  };
}
