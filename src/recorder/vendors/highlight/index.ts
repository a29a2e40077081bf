import type { HighlightRecorderConfig } from './config.ts';
import type { VendorDescriptor } from '../descriptor.ts';
import { highlightCapabilities, highlightSurfaces } from './capabilities.ts';
import { HighlightAdapter } from './highlight-adapter.ts';
import { highlightConfigSchema, parseHighlightConfig } from './config.ts';
import { highlightSelectors, highlightSettings } from './privacy.ts';
import { highlightReaders } from './readers.ts';
import { highlightObserve } from './observe.ts';

/** Highlight session replay (highlight.run). Inject mode: ./highlight-adapter.ts; observe mode: ./observe.ts. */
export const highlightVendor: VendorDescriptor<HighlightRecorderConfig> = {
  kind: 'highlight',
  label: 'Highlight',
  configSchema: highlightConfigSchema,
  parseConfig: parseHighlightConfig,
  inject: (config) => new HighlightAdapter(config),
  observe: highlightObserve,
  capabilities: highlightCapabilities,
  surfaces: highlightSurfaces,
  noRouteBlocking: () =>
    'Highlight has no option to leave routes unrecorded (networkRecording.urlBlocklist only drops network entries; an app has to call H.stop() on such routes in its own code)',
  collectionWindow: 'app-code',
  readers: highlightReaders,
  privacySelectors: highlightSelectors,
  privacySettings: highlightSettings,
  sdkPackages: ['highlight.run'],
};
