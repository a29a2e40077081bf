import type { VendorRecorderConfig } from '../../config/recorder-config.ts';
import type { RecorderAdapter } from '../adapter.ts';
import { PosthogAdapter } from './posthog/posthog-adapter.ts';
import { SentryAdapter } from './sentry/sentry-adapter.ts';

/** The adapter for a vendor SDK config. */
export function createVendorAdapter(config: VendorRecorderConfig): RecorderAdapter {
  return config.recorder === 'sentry' ? new SentryAdapter(config) : new PosthogAdapter(config);
}
