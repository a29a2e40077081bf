import type { RecorderConfig } from '../../config/recorder-config.ts';
import type { RecorderCapabilities, RecorderTraits } from '../../contract/recording.ts';
import { vendorOfConfig } from './registry.ts';

/**
 * What the verdict needs to know of the recorder under test, as plain data: its descriptor's answers
 * for this config. `capabilities`: the adapter's own answer when there is one (observe mode reads
 * whatever the app's recorder sends).
 */
export function recorderTraits(config: RecorderConfig, capabilities?: RecorderCapabilities): RecorderTraits {
  const vendor = vendorOfConfig(config);
  return {
    kind: vendor.kind,
    name: vendor.name ?? vendor.label,
    label: vendor.label,
    capabilities: capabilities ?? vendor.capabilities(config),
    noRouteBlocking: vendor.noRouteBlocking(config),
    collectionWindow: vendor.collectionWindow,
  };
}
