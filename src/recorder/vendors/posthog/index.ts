import type { PosthogRecorderConfig } from './config.ts';
import type { VendorDescriptor } from '../descriptor.ts';
import { posthogCapabilities } from './capabilities.ts';
import { PosthogAdapter } from './posthog-adapter.ts';
import { parsePosthogConfig, posthogConfigSchema } from './config.ts';
import { posthogSelectors, posthogSettings } from './privacy.ts';
import { posthogReaders } from './readers.ts';
import { posthogObserve } from './observe.ts';

/** PostHog session replay. Inject mode: ./posthog-adapter.ts; observe mode: ./observe.ts. */
export const posthogVendor: VendorDescriptor<PosthogRecorderConfig> = {
  kind: 'posthog',
  label: 'PostHog',
  configSchema: posthogConfigSchema,
  parseConfig: parsePosthogConfig,
  inject: (config) => new PosthogAdapter(config),
  observe: posthogObserve,
  capabilities: posthogCapabilities,
  // The remote config (/array/<token>/config, sessionRecording) can set masking where posthog.init leaves it unset.
  surfaces: () => ({ remoteConfig: true }),
  noRouteBlocking: () => "PostHog leaves routes unrecorded only through the project's URL blocklist (\"project\": {\"urlBlocklist\": [...]}), which this config leaves empty",
  collectionWindow: 'app-code',
  readers: posthogReaders,
  privacySelectors: posthogSelectors,
  privacySettings: posthogSettings,
  sdkPackages: ['posthog-js'],
};
