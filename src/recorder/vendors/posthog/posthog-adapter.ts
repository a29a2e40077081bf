import { fileURLToPath } from 'node:url';
import { EventType, type eventWithTime } from '@rrweb/types';
import type { PosthogRecorderConfig } from './config.ts';
import type { IngestBatch, RecorderCapabilities } from '../../adapter.ts';
import { posthogCapabilities } from './capabilities.ts';
import { groupByUrl } from '../url-timeline.ts';
import { VendorAdapter, type VendorHandling, type VendorRequest } from '../vendor-adapter.ts';
import { FlushMarkers } from '../flush-markers.ts';
import type { VendorMetadata } from '../vendor-metadata.ts';
import { decodePosthogBody } from './payload.ts';
import { remoteConfig } from './remote-config.ts';

const API_ORIGIN = 'https://ph.maskproof.invalid';
const TOKEN = 'phc_maskproof_harness';
/** The custom event the page flush appends to the recording, and the analytics event it captures. */
const RECORDING_MARKER = 'maskproof/flush-marker';
const ANALYTICS_MARKER = 'maskproof_flush_marker';
/** How long a flush waits for its markers: a guard against an SDK that keeps its data, not a pause. */
const MARKER_TIMEOUT_MS = 5_000;

/**
 * PostHog session recording: posthog-js with its recorder bundled in (nothing lazy-loaded from
 * PostHog's CDN), pointed at a made-up API host. The harness answers the remote config as PostHog's
 * server would, and decodes every batch: $snapshot events (gzip, base64 or plain JSON bodies, with
 * the recorder's per-event gzip) into rrweb events, analytics events kept whole as metadata.
 */
export class PosthogAdapter extends VendorAdapter {
  readonly name = 'posthog';
  protected readonly origin = API_ORIGIN;
  protected readonly bundleEntry = fileURLToPath(new URL('./page-entry.js', import.meta.url));
  protected readonly bundlePackages = ['posthog-js'];
  private readonly markers = new FlushMarkers(MARKER_TIMEOUT_MS);

  constructor(private readonly config: PosthogRecorderConfig) {
    super();
  }

  get capabilities(): RecorderCapabilities {
    return posthogCapabilities(this.config);
  }

  protected pageConfig() {
    return {
      token: TOKEN,
      apiHost: API_ORIGIN,
      options: this.config.options,
      // Not privacy options: PostHog drops every event from a headless browser's user agent.
      harnessOptions: { opt_out_useragent_filter: true },
    };
  }

  protected handle(request: VendorRequest): VendorHandling {
    const path = new URL(request.url).pathname;
    if (request.method === 'GET' && /^\/array\/[^/]+\/config(\.js)?$/.test(path)) {
      return { batches: [], reply: { status: 200, contentType: 'application/json', body: JSON.stringify(remoteConfig(TOKEN, this.config.project)) } };
    }
    if (path.startsWith('/flags') || path.startsWith('/decide')) {
      return { batches: [], reply: { status: 200, contentType: 'application/json', body: JSON.stringify({ flags: {}, featureFlags: {}, featureFlagPayloads: {}, errorsWhileComputingFlags: false }) } };
    }
    const ok = { status: 200, contentType: 'application/json', body: '{"status":1}' };
    if (!request.body) return { batches: [], reply: ok };
    const decoded = decodePosthogBody(request.body, request.url);
    const batches: IngestBatch[] = [];
    for (const snapshot of decoded.snapshots) {
      const events = this.withoutMarkers(snapshot.events);
      const metadata: VendorMetadata = { vendor: 'posthog', kind: '$snapshot', payload: { ...snapshot.properties, encoding: decoded.encoding } };
      const groups = groupByUrl(events, request.urlLog, request.pageUrl);
      if (groups.length === 0) batches.push({ url: request.pageUrl, events: [], metadata });
      groups.forEach((group, index) => batches.push({ url: group.url, events: group.events, metadata: index === 0 ? metadata : undefined }));
    }
    const others = decoded.others.filter((event) => {
      if (event.event !== ANALYTICS_MARKER) return true;
      this.markerArrived(`analytics:${String(event.properties?.maskproof_marker)}`);
      return false;
    });
    if (others.length > 0) {
      const metadata: VendorMetadata = { vendor: 'posthog', kind: 'events', payload: others };
      batches.push({ url: request.pageUrl, events: [], metadata });
    }
    return { batches, reply: ok };
  }

  /** Drops the harness's flush markers (they are not the app's) and notes their arrival. */
  private withoutMarkers(events: eventWithTime[]): eventWithTime[] {
    return events.filter((event) => {
      if (event.type !== EventType.Custom || event.data.tag !== RECORDING_MARKER) return true;
      this.markerArrived(`recording:${String((event.data.payload as { id?: unknown } | undefined)?.id)}`);
      return false;
    });
  }

  private markerArrived(key: string): void {
    this.markers.arrive(key);
  }

  private async waitForMarker(key: string): Promise<void> {
    // A marker that never arrives: PostHog kept the data back (a held or parked buffer): what it sent is all there is.
    await this.markers.wait(key);
  }

  /** The page's flush returned which markers it sent: resolves once they (and all before them) arrived. */
  protected async afterFlush(id: string, result: unknown): Promise<void> {
    const expected = (result ?? {}) as { recording?: boolean; analytics?: boolean };
    await Promise.all([
      expected.recording ? this.waitForMarker(`recording:${id}`) : undefined,
      expected.analytics ? this.waitForMarker(`analytics:${id}`) : undefined,
    ]);
  }
}
