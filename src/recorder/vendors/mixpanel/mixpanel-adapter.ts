import { fileURLToPath } from 'node:url';
import type { MixpanelRecorderConfig } from './config.ts';
import type { IngestBatch, RecorderCapabilities } from '../../adapter.ts';
import { PayloadDecodeError } from '../decode-error.ts';
import { groupByUrl } from '../url-timeline.ts';
import { VendorAdapter, type VendorHandling, type VendorRequest } from '../vendor-adapter.ts';
import type { VendorMetadata } from '../vendor-metadata.ts';
import { mixpanelCapabilities } from './capabilities.ts';
import { decodeMixpanelAnalytics } from './analytics.ts';
import { decodeObservedMixpanel, isMixpanelRecordUrl, isMixpanelSettingsUrl } from './observe.ts';
import { mixpanelSettingsReply } from './remote-settings.ts';

const API_ORIGIN = 'https://mp.maskproof.invalid';
const TOKEN = 'maskproof_harness_token';
const OK = { status: 200, contentType: 'application/json', body: '{"status":1}' };

/**
 * Mixpanel Session Replay: mixpanel-browser's default build (recorder bundled), pointed at a made-up
 * API host. Each /record request is decoded (gzip JSON array of rrweb events, the replay context in
 * its query kept as metadata); analytics requests (/track, /engage, /groups: only sent when the
 * config turns autocapture or track_pageview on) are kept whole as metadata. The remote settings
 * GET (sent only with remote_settings_mode 'strict' or 'fallback') is answered FROM the recorder
 * config's "remoteSettings", here in the harness: nothing leaves the machine. Flags get nothing set.
 */
export class MixpanelAdapter extends VendorAdapter {
  readonly name = 'mixpanel';
  protected readonly origin = API_ORIGIN;
  protected readonly bundleEntry = fileURLToPath(new URL('./page-entry.js', import.meta.url));
  protected readonly bundlePackages = ['mixpanel-browser'];

  constructor(private readonly config: MixpanelRecorderConfig) {
    super();
  }

  get capabilities(): RecorderCapabilities {
    return mixpanelCapabilities(this.config);
  }

  protected pageConfig() {
    return {
      token: TOKEN,
      apiHost: API_ORIGIN,
      options: this.config.options,
      // Not a privacy option: sampling. The default (0) records nothing; an app that uses replay sets it.
      harnessOptions: { record_sessions_percent: 100 },
    };
  }

  protected handle(request: VendorRequest): VendorHandling {
    const url = new URL(request.url);
    if (isMixpanelRecordUrl(url)) {
      const decoded = decodeObservedMixpanel(request);
      const batches: IngestBatch[] = [];
      for (const batch of decoded.batches) {
        const groups = groupByUrl(batch.events, request.urlLog, request.pageUrl);
        if (groups.length === 0) batches.push({ url: request.pageUrl, events: [], metadata: batch.metadata });
        groups.forEach((group, index) => batches.push({ url: group.url, events: group.events, metadata: index === 0 ? batch.metadata : undefined }));
      }
      return { batches, reply: { status: 200, contentType: 'application/json', body: decoded.reply ?? '{}' } };
    }
    if (request.method === 'GET' && isMixpanelSettingsUrl(url)) {
      return { batches: [], reply: { status: 200, contentType: 'application/json', body: mixpanelSettingsReply(this.config) } };
    }
    if (request.method === 'GET') return { batches: [], reply: { status: 200, contentType: 'application/json', body: '{}' } };
    if (/\/(track|engage|groups)\/?$/.test(url.pathname)) {
      const metadata: VendorMetadata = { vendor: 'mixpanel', kind: url.pathname.replace(/\//g, '') || 'analytics', payload: decodeMixpanelAnalytics(request.body, url) };
      return { batches: [{ url: request.pageUrl, events: [], metadata }], reply: OK };
    }
    throw new PayloadDecodeError(`unexpected request ${request.method} ${url.pathname}`);
  }

  /** Nothing to wait for: the page's flush (the recorder's own batcher flush) resolved once its /record request was answered, i.e. decoded and delivered. */
  protected async afterFlush(): Promise<void> {}
}
