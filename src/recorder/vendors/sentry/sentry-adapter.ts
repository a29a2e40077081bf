import { fileURLToPath } from 'node:url';
import type { SentryRecorderConfig } from './config.ts';
import type { IngestBatch, RecorderCapabilities } from '../../adapter.ts';
import { PayloadDecodeError } from '../decode-error.ts';
import { groupByUrl } from '../url-timeline.ts';
import { VendorAdapter, type VendorHandling, type VendorRequest } from '../vendor-adapter.ts';
import type { VendorMetadata } from '../vendor-metadata.ts';
import { decodeSentryEnvelope } from './envelope.ts';

const INGEST_ORIGIN = 'https://o0.ingest.sentry.invalid';

/** No option leaves routes unrecorded; fetch/XHR are always performance spans; errors always reported. */
export const SENTRY_CAPABILITIES: RecorderCapabilities = { routeBlocking: false, networkRecording: true, errorRecording: true };

/**
 * Sentry Replay: @sentry/browser with replayIntegration, bundled for the page. Each envelope the SDK
 * posts is decoded: the replay_recording segment (deflated by the SDK's compression worker, or plain)
 * becomes rrweb events, the replay_event (urls, tags, request) stays with them as metadata, and every
 * other item (error events, sessions, client reports) is kept as metadata too: it left the browser.
 */
export class SentryAdapter extends VendorAdapter {
  readonly name = 'sentry';
  protected readonly origin = INGEST_ORIGIN;
  protected readonly bundleEntry = fileURLToPath(new URL('./page-entry.js', import.meta.url));
  protected readonly bundlePackages = ['@sentry/browser'];

  constructor(private readonly config: SentryRecorderConfig) {
    super();
  }

  get capabilities(): RecorderCapabilities {
    return SENTRY_CAPABILITIES;
  }

  protected pageConfig() {
    return {
      dsn: `https://maskproof@${new URL(INGEST_ORIGIN).host}/1`,
      init: this.config.options.init ?? {},
      replay: this.config.options.replay ?? {},
      // Not a privacy option: Sentry drops replays shorter than 5 s, and the journeys are shorter.
      harnessReplay: { minReplayDuration: 0 },
    };
  }

  protected handle(request: VendorRequest): VendorHandling {
    if (!/^\/api\/\d+\/envelope\/?$/.test(new URL(request.url).pathname)) {
      throw new PayloadDecodeError(`unexpected request ${request.method} ${new URL(request.url).pathname}`);
    }
    if (!request.body) throw new PayloadDecodeError('envelope request without a body');
    const envelope = decodeSentryEnvelope(request.body);
    const batches: IngestBatch[] = [];
    if (envelope.replay) {
      const { replayEvent, events, segmentId, compression } = envelope.replay;
      const metadata: VendorMetadata = { vendor: 'sentry', kind: 'replay_event', payload: { ...replayEvent, segmentId, compression }, header: envelope.header };
      const groups = groupByUrl(events, request.urlLog, request.pageUrl);
      if (groups.length === 0) batches.push({ url: request.pageUrl, events: [], metadata });
      groups.forEach((group, index) => batches.push({ url: group.url, events: group.events, metadata: index === 0 ? metadata : undefined }));
    }
    for (const item of envelope.others) {
      const metadata: VendorMetadata = { vendor: 'sentry', kind: item.type, payload: item.payload, header: envelope.header };
      batches.push({ url: request.pageUrl, events: [], metadata });
    }
    const id = typeof envelope.header.event_id === 'string' ? envelope.header.event_id : '';
    return { batches, reply: { status: 200, contentType: 'application/json', body: JSON.stringify({ id }) } };
  }

  /** Nothing to wait for: the page's flush (the SDK's own) resolved only once its envelopes were answered, i.e. decoded and delivered. */
  protected async afterFlush(): Promise<void> {}
}
