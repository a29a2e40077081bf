import type { VendorDescriptor } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/observe-config.ts';
import { decodeObservedSentry, isSentryEnvelopePath } from './observe.ts';

/**
 * Sentry Replay. Inject mode: ./sentry-adapter.ts. Observe mode: the app's own Sentry SDK posts
 * envelopes to `/api/<project>/envelope/` on its DSN's host (any host), or to its `tunnel` path on the
 * app's origin (`ingest.url`); each is answered `{"id": …}` locally and decoded (./observe.ts).
 */
export const sentryVendor: VendorDescriptor = {
  kind: 'sentry',
  label: 'Sentry Replay',
  observe: {
    matcher: (config) => {
      const envelope = (url: URL) => isSentryEnvelopePath(url.pathname);
      return config.ingest?.url ? [envelope, ingestMatcher(config.ingest.url)] : envelope;
    },
    decode: (request) => decodeObservedSentry(request.body),
    // Replay flushes on visibilitychange to hidden, then compresses the segment in its worker and posts it.
    asyncFlushLimitMs: 3_000,
  },
};
