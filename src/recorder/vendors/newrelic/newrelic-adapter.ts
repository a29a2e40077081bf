import { fileURLToPath } from 'node:url';
import { EventType, type eventWithTime } from '@rrweb/types';
import type { NewrelicRecorderConfig } from './config.ts';
import type { IngestBatch, RecorderCapabilities } from '../../adapter.ts';
import { newrelicCapabilities } from './capabilities.ts';
import { groupByUrl } from '../url-timeline.ts';
import { VendorAdapter, type VendorHandling, type VendorRequest } from '../vendor-adapter.ts';
import { FlushMarkers } from '../flush-markers.ts';
import type { VendorMetadata } from '../vendor-metadata.ts';
import { decodeNewrelicRequest } from './payload.ts';
import { rumAnswer } from './rum-answer.ts';

export const BEACON_HOST = 'nr.maskproof.invalid';
const BEACON_ORIGIN = `https://${BEACON_HOST}`;
export const LICENSE_KEY = 'NRJS-maskproofharness00';
export const APPLICATION_ID = '1';
/** The custom rrweb event the page flush appends to the replay (dropped here: it is not the app's). */
export const FLUSH_MARKER = 'maskproof/flush-marker';
/** How long a flush waits for its marker: a guard against an agent that keeps its data, not a pause. */
const MARKER_TIMEOUT_MS = 5_000;

/** Drops the harness's flush markers from a replay payload, calling `arrived` with each marker's id. */
export function withoutMarkers(events: eventWithTime[], arrived: (id: string) => void = () => undefined): eventWithTime[] {
  return events.filter((event) => {
    if (event.type !== EventType.Custom || event.data.tag !== FLUSH_MARKER) return true;
    arrived(String((event.data.payload as { id?: unknown } | undefined)?.id));
    return false;
  });
}

/** Every request the agent sent, as one batch: the replay's rrweb events, or what else it carried as metadata. */
export function newrelicBatches(url: string, body: Buffer | null): { events: eventWithTime[]; metadata: VendorMetadata; rum: boolean } {
  const decoded = decodeNewrelicRequest(url, body);
  const { events, ...rest } = decoded;
  const metadata: VendorMetadata = { vendor: 'newrelic', kind: decoded.endpoint, payload: rest };
  return { events: events ?? [], metadata, rum: decoded.endpoint === 'rum' };
}

/**
 * New Relic browser session replay: the full BrowserAgent from @newrelic/browser-agent, bundled for the
 * page, its beacon pointed at a made-up host. The harness answers the RUM call as New Relic's server
 * would (session replay entitled and sampled: ./rum-answer.ts) and decodes every harvest: the
 * SessionReplay blob (gzip or plain JSON array of rrweb events) into events, everything else the agent
 * sends (RUM call, errors, AJAX and timing events, user actions, session trace) kept whole as metadata.
 */
export class NewrelicAdapter extends VendorAdapter {
  readonly name = 'newrelic';
  protected readonly origin = BEACON_ORIGIN;
  protected readonly bundleEntry = fileURLToPath(new URL('./page-entry.js', import.meta.url));
  protected readonly bundlePackages = ['@newrelic/browser-agent'];
  private readonly markers = new FlushMarkers(MARKER_TIMEOUT_MS);

  constructor(private readonly config: NewrelicRecorderConfig) {
    super();
  }

  get capabilities(): RecorderCapabilities {
    return newrelicCapabilities(this.config);
  }

  protected pageConfig() {
    return {
      init: this.config.options,
      info: { beacon: BEACON_HOST, errorBeacon: BEACON_HOST, licenseKey: LICENSE_KEY, applicationID: APPLICATION_ID, sa: 1 },
      loaderConfig: { licenseKey: LICENSE_KEY, applicationID: APPLICATION_ID },
      // Not privacy options: the code ships replay off (init.js `enabled: false`), as New Relic's
      // copy-paste snippet turns it on for an app with replay; the beacon is the intercepted host.
      harnessInit: { session_replay: { enabled: true }, proxy: { beacon: BEACON_HOST } },
    };
  }

  protected handle(request: VendorRequest): VendorHandling {
    const { events, metadata, rum } = newrelicBatches(request.url, request.body);
    const reply = rum
      ? { status: 200, contentType: 'application/json', body: JSON.stringify(rumAnswer(this.config.rum)) }
      : { status: 200, contentType: 'text/plain', body: '' };
    const batches: IngestBatch[] = [];
    if (metadata.kind === 'SessionReplay') {
      const kept = withoutMarkers(events, (id) => this.markerArrived(id));
      const groups = groupByUrl(kept, request.urlLog, request.pageUrl);
      if (groups.length === 0) batches.push({ url: request.pageUrl, events: [], metadata });
      groups.forEach((group, index) => batches.push({ url: group.url, events: group.events, metadata: index === 0 ? metadata : undefined }));
    } else {
      batches.push({ url: request.pageUrl, events: [], metadata });
    }
    return { batches, reply };
  }

  private markerArrived(id: string): void {
    this.markers.arrive(id);
  }

  /**
   * The page's flush resolved once every harvest it triggered was answered; when it put a marker into
   * the replay, this also waits for the marker (a harvest already under way can answer first).
   */
  protected async afterFlush(id: string, result: unknown): Promise<void> {
    if (!(result as { replay?: boolean } | null)?.replay) return;
    // A marker that never arrives: the agent kept the replay back (blocked, retrying): what it sent is all there is.
    await this.markers.wait(id);
  }
}
