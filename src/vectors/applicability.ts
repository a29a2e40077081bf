import type { RecorderConfig } from '../config/recorder-config.ts';
import { vendorOfConfig } from '../recorder/vendors/registry.ts';
import type { LeakVector } from './catalog.ts';

/**
 * Why a vector cannot run under a recorder config, or undefined when it can: the vector's surface is one
 * the config's recorder does not send (no network capture, no click breadcrumbs, no server-sent config).
 * The vendor's descriptor decides (capabilities and surfaces), so a newly registered vendor needs no change here.
 */
export function inapplicableReason(vector: LeakVector, config: RecorderConfig): string | undefined {
  if (!vector.surface) return undefined;
  const vendor = vendorOfConfig(config);
  const name = vendor.name ?? vendor.label;
  const capabilities = vendor.capabilities(config);
  const surfaces = vendor.surfaces?.(config) ?? {};
  switch (vector.surface) {
    case 'network':
      return capabilities.networkRecording ? undefined : `${name} records no network requests under ${config.name}`;
    case 'errors':
      return capabilities.errorRecording ? undefined : `${name} records no console messages or errors under ${config.name}`;
    case 'click-breadcrumbs':
      return surfaces.clickBreadcrumbs ? undefined : `${vendor.label} sends no click breadcrumbs (the clicked element's text and attributes beside the DOM events)`;
    case 'remote-config':
      return surfaces.remoteConfig ? undefined : `${vendor.label} takes no privacy settings from its server: the local config is the whole config`;
  }
}
