import type { MixpanelRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';
import { MIXPANEL_DEFAULTS } from './options.ts';
import { mixpanelEffectiveOptions } from './remote-settings.ts';

/**
 * No option leaves routes unrecorded; network only with record_network; errors through the console
 * plugin (record_console, on by default). Both as the remote settings leave them.
 */
export function mixpanelCapabilities(config: MixpanelRecorderConfig): RecorderCapabilities {
  const options = mixpanelEffectiveOptions(config);
  return {
    routeBlocking: false,
    networkRecording: options.record_network ?? MIXPANEL_DEFAULTS.record_network,
    errorRecording: options.record_console ?? MIXPANEL_DEFAULTS.record_console,
  };
}
