import type { RecorderConfig } from '../../config/recorder-config.ts';
import type { RecorderCapabilities } from '../../contract/recording.ts';
import { vendorOfConfig } from './registry.ts';

/**
 * What a recorder config can support, without starting anything: the same answer its adapter gives,
 * for code that only has the config (audits re-run on saved evidence). Its vendor descriptor decides.
 */
export function capabilitiesOfConfig(config: RecorderConfig): RecorderCapabilities {
  return vendorOfConfig(config).capabilities(config);
}
