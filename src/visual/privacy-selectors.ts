import type { RecorderConfig } from '../config/recorder-config.ts';
import { vendorOfConfig } from '../recorder/vendors/registry.ts';
import type { PrivacySelectors } from './types.ts';

/**
 * What a recorder config masks and blocks, as CSS selectors: the region finder applies them to the
 * live page to know where the replay must not look like it. Each vendor's descriptor writes out its
 * recorder's defaults, because the config file only holds what the user changed.
 */
export function privacySelectors(config: RecorderConfig): PrivacySelectors {
  return vendorOfConfig(config).privacySelectors(config);
}

/** Whether the recorder records nothing on this page URL. */
export function routeUnrecorded(selectors: Pick<PrivacySelectors, 'neverRecordOn'>, url: string): boolean {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not an absolute URL: match it as given.
  }
  return selectors.neverRecordOn.some(({ source, against }) => new RegExp(source).test(against === 'path' ? path : url));
}
