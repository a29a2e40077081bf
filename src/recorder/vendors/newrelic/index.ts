import type { NewrelicRecorderConfig } from './config.ts';
import type { VendorDescriptor } from '../descriptor.ts';
import { NO_ROUTE_BLOCKING, newrelicCapabilities, newrelicSurfaces } from './capabilities.ts';
import { newrelicConfigSchema, parseNewrelicConfig } from './config.ts';
import { NewrelicAdapter } from './newrelic-adapter.ts';
import { newrelicObserve } from './observe.ts';
import { newrelicSelectors, newrelicSettings } from './privacy.ts';
import { newrelicReaders } from './readers.ts';

/** New Relic browser session replay. Inject mode: ./newrelic-adapter.ts; observe mode: ./observe.ts. */
export const newrelicVendor: VendorDescriptor<NewrelicRecorderConfig> = {
  kind: 'newrelic',
  label: 'New Relic Session Replay',
  name: 'New Relic',
  configSchema: newrelicConfigSchema,
  parseConfig: parseNewrelicConfig,
  inject: (config) => new NewrelicAdapter(config),
  observe: newrelicObserve,
  capabilities: newrelicCapabilities,
  surfaces: newrelicSurfaces,
  noRouteBlocking: () => NO_ROUTE_BLOCKING,
  collectionWindow: 'app-code',
  readers: newrelicReaders,
  privacySelectors: newrelicSelectors,
  privacySettings: newrelicSettings,
  sdkPackages: ['@newrelic/browser-agent'],
};
