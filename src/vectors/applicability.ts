import type { RecorderConfig } from '../config/recorder-config.ts';
import { vendorOfConfig } from '../recorder/vendors/registry.ts';
import type { SurfaceName } from '../recorder/vendors/descriptor.ts';
import type { LeakVector } from './catalog.ts';

/**
 * Why a vector cannot run under a recorder config, or undefined when it can: the vector's surface is one
 * the config's recorder does not send (no network capture, no click breadcrumbs, no server-sent config,
 * no iframe documents). The vendor's descriptor decides (capabilities and surfaces), so a newly registered
 * vendor needs no change here; its own words (`surfaces().notSent`) replace the generic reason.
 */
export function inapplicableReason(vector: LeakVector, config: RecorderConfig): string | undefined {
  if (!vector.surface) return undefined;
  const vendor = vendorOfConfig(config);
  const name = vendor.name ?? vendor.label;
  const capabilities = vendor.capabilities(config);
  const surfaces = vendor.surfaces?.(config) ?? {};
  const unless = (surface: SurfaceName, sent: boolean, generic: string) => (sent ? undefined : (surfaces.notSent?.[surface] ?? generic));
  switch (vector.surface) {
    case 'network':
      return capabilities.networkRecording ? undefined : `${name} records no network requests under ${config.name}`;
    case 'errors':
      return capabilities.errorRecording ? undefined : `${name} records no console messages or errors under ${config.name}`;
    case 'click-breadcrumbs':
      return unless('clickBreadcrumbs', surfaces.clickBreadcrumbs === true, `${vendor.label} sends no click breadcrumbs (the clicked element's text and attributes beside the DOM events)`);
    case 'remote-config':
      return unless('remoteConfig', surfaces.remoteConfig === true, `${vendor.label} takes no privacy settings from its server: the local config is the whole config`);
    case 'iframe-documents':
      // rrweb and its forks serialize same-origin iframes: only a recorder that says otherwise is left out.
      return unless('iframeDocuments', surfaces.iframeDocuments !== false, `${vendor.label} records a same-origin iframe as an empty element: its document is never sent`);
    case 'canvas':
      return unless('canvas', surfaces.canvas !== false, `${vendor.label} never records canvas content, whatever its config`);
  }
}
