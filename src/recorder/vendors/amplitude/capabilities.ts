import type { AmplitudeRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';

/** No option leaves routes unrecorded; network and console (errors) only when the remote config's sr_logging_config turns them on. */
export function amplitudeCapabilities({ remoteConfig }: AmplitudeRecorderConfig): RecorderCapabilities {
  return {
    routeBlocking: false,
    networkRecording: remoteConfig.sr_logging_config?.network?.enabled ?? false,
    errorRecording: remoteConfig.sr_logging_config?.console?.enabled ?? false,
  };
}
