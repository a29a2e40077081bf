import type { SentryRecorderConfig } from './config.ts';
import type { VendorDescriptor } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/ingest-matcher.ts';
import { decodeObservedSentry, isSentryEnvelopePath } from './observe.ts';
import { parseSentryConfig, sentryConfigSchema } from './config.ts';
import { sentrySelectors, sentrySettings } from './privacy.ts';
import { sentryReaders } from './readers.ts';
import { SENTRY_CAPABILITIES, SentryAdapter } from './sentry-adapter.ts';

/**
 * Sentry Replay. Inject mode: ./sentry-adapter.ts. Observe mode: the app's own Sentry SDK posts
 * envelopes to `/api/<project>/envelope/` on its DSN's host (any host), or to its `tunnel` path on the
 * app's origin (`ingest.url`); each is answered `{"id": …}` locally and decoded (./observe.ts).
 */
export const sentryVendor: VendorDescriptor<SentryRecorderConfig> = {
  kind: 'sentry',
  label: 'Sentry Replay',
  name: 'Sentry',
  configSchema: sentryConfigSchema,
  parseConfig: parseSentryConfig,
  observe: {
    matcher: (config) => {
      const envelope = (url: URL) => isSentryEnvelopePath(url.pathname);
      return config.ingest?.url ? [envelope, ingestMatcher(config.ingest.url)] : envelope;
    },
    decode: (request) => decodeObservedSentry(request.body),
    // Replay flushes on visibilitychange to hidden, then compresses the segment in its worker and posts it.
    asyncFlushLimitMs: 3_000,
  },
  inject: (config) => new SentryAdapter(config),
  capabilities: () => SENTRY_CAPABILITIES,
  // Replay adds a ui.click breadcrumb (and ui.slowClickDetected / rage clicks) for every click: the node's text and attributes.
  surfaces: () => ({ clickBreadcrumbs: true }),
  noRouteBlocking: () => 'Sentry Replay has no option to leave routes unrecorded (an app has to stop or not start it in its own code)',
  collectionWindow: 'app-code',
  readers: sentryReaders,
  privacySelectors: sentrySelectors,
  privacySettings: sentrySettings,
  sdkPackages: ['@sentry/browser'],
};
