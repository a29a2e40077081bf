import type { RecorderConfig } from '../../config/recorder-config.ts';
import type { PrivacySetting } from '../../contract/settings.ts';
import { vendorOfConfig } from './registry.ts';

/** The recorder config's privacy settings as a stakeholder reads them: one line per protection (its descriptor's words). */
export function privacySettings(config: RecorderConfig): PrivacySetting[] {
  return vendorOfConfig(config).privacySettings(config);
}
