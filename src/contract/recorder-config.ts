import type { RecorderConfig, RrwebRecorderConfig } from '../config/recorder-config.ts';

/** Whether a recorder config drives rrweb directly (with maskproof's wrapper policy). */
export function isRrwebConfig(config: RecorderConfig): config is RrwebRecorderConfig {
  return config.recorder === 'rrweb';
}
