import type { MixpanelRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';
import type { RecorderSurfaces } from '../descriptor.ts';
import { MIXPANEL_DEFAULTS } from './options.ts';

/** No option leaves routes unrecorded; network only with record_network; errors through the console plugin (record_console, on by default). */
export function mixpanelCapabilities({ options }: MixpanelRecorderConfig): RecorderCapabilities {
  return {
    routeBlocking: false,
    networkRecording: options.record_network ?? MIXPANEL_DEFAULTS.record_network,
    errorRecording: options.record_console ?? MIXPANEL_DEFAULTS.record_console,
  };
}

/**
 * Clicks reach Mixpanel only through autocapture (off by default): `$mp_click` events to /track with the
 * element's attributes. remote_settings_mode (default 'disabled') is not in the recorder config, so no
 * remote settings are fetched; they could only change DEFAULT_CONFIG keys, never the masking keys.
 */
export function mixpanelSurfaces({ options }: MixpanelRecorderConfig): RecorderSurfaces {
  return {
    clickBreadcrumbs: options.autocapture ?? false,
    remoteConfig: false,
    notSent: {
      clickBreadcrumbs: 'Mixpanel sends no click events with autocapture off (the default): the replay is the whole record of a click',
      remoteConfig: 'Mixpanel fetches no remote settings with remote_settings_mode \'disabled\' (the default): the local config is the whole config',
    },
  };
}
