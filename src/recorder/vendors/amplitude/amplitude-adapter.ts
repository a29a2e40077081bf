import { fileURLToPath } from 'node:url';
import { EventType, type eventWithTime } from '@rrweb/types';
import type { AmplitudeRecorderConfig } from './config.ts';
import type { IngestBatch, RecorderCapabilities } from '../../adapter.ts';
import { PayloadDecodeError } from '../decode-error.ts';
import { groupByUrl } from '../url-timeline.ts';
import { VendorAdapter, type VendorHandling, type VendorRequest } from '../vendor-adapter.ts';
import { FlushMarkers } from '../flush-markers.ts';
import { amplitudeCapabilities } from './capabilities.ts';
import { decodeObservedAmplitude, isAmplitudeConfigUrl, isAmplitudeTrackUrl } from './observe.ts';

const ORIGIN = 'https://amp.maskproof.invalid';
const API_KEY = 'maskproof0harness0api0key';
/** The custom event the page flush appends to the recording. */
const RECORDING_MARKER = 'maskproof/flush-marker';
/** How long a flush waits for its marker: a guard against an SDK that keeps its data, not a pause. */
const MARKER_TIMEOUT_MS = 5_000;

/**
 * Amplitude Session Replay: the standalone @amplitude/session-replay-browser, bundled for the page,
 * its remote config and its ingest on a made-up host. The remote config GET is answered FROM the
 * recorder config's "remoteConfig" (`{"configs": {"sessionReplay": <remoteConfig>}}`: with nothing
 * set, the code's options apply; without an answer the SDK records nothing). Each track request is
 * decoded: `{"version", "events": ["<rrweb event JSON>", ...]}`, gzip, with the page URL
 * (X-Client-Url) and the ids of the query kept as metadata.
 */
export class AmplitudeAdapter extends VendorAdapter {
  readonly name = 'amplitude';
  protected readonly origin = ORIGIN;
  protected readonly bundleEntry = fileURLToPath(new URL('./page-entry.js', import.meta.url));
  protected readonly bundlePackages = ['@amplitude/session-replay-browser'];
  private readonly markers = new FlushMarkers(MARKER_TIMEOUT_MS);

  constructor(private readonly config: AmplitudeRecorderConfig) {
    super();
  }

  get capabilities(): RecorderCapabilities {
    return amplitudeCapabilities(this.config);
  }

  protected pageConfig() {
    return {
      apiKey: API_KEY,
      options: this.config.options,
      harnessOptions: {
        // Ids an app passes (its analytics SDK's); fixed, so runs repeat.
        deviceId: 'maskproof-device',
        sessionId: 1796300000000,
        // Sampling: the default 0 records nothing; an app that uses replay sets it (the remote config can override it).
        sampleRate: 1,
        configServerUrl: `${ORIGIN}/config`,
        trackServerUrl: `${ORIGIN}/sessions/v2/track`,
        // Not a privacy option: compression on the main thread, so the flush sees every event in order.
        useWebWorker: false,
      },
    };
  }

  protected handle(request: VendorRequest): VendorHandling {
    const url = new URL(request.url);
    if (request.method === 'GET' && isAmplitudeConfigUrl(url)) {
      return { batches: [], reply: { status: 200, contentType: 'application/json', body: JSON.stringify({ configs: { sessionReplay: this.config.remoteConfig } }) } };
    }
    if (!isAmplitudeTrackUrl(url)) throw new PayloadDecodeError(`unexpected request ${request.method} ${url.pathname}`);
    const decoded = decodeObservedAmplitude({ url: request.url, body: request.body, headers: request.headers ?? {} });
    const batches: IngestBatch[] = [];
    for (const batch of decoded.batches) {
      const events = this.withoutMarkers(batch.events);
      const groups = groupByUrl(events, request.urlLog, request.pageUrl);
      if (groups.length === 0) batches.push({ url: request.pageUrl, events: [], metadata: batch.metadata });
      groups.forEach((group, index) => batches.push({ url: group.url, events: group.events, metadata: index === 0 ? batch.metadata : undefined }));
    }
    return { batches, reply: { status: 200, contentType: 'application/json', body: decoded.reply ?? '{}' } };
  }

  /** Drops the harness's flush markers (they are not the app's) and notes their arrival. */
  private withoutMarkers(events: eventWithTime[]): eventWithTime[] {
    return events.filter((event) => {
      if (event.type !== EventType.Custom || event.data.tag !== RECORDING_MARKER) return true;
      this.markers.arrive(String((event.data.payload as { id?: unknown } | undefined)?.id));
      return false;
    });
  }

  /** The page's flush returned whether it marked the recording: resolves once the marker (and all before it) arrived. */
  protected async afterFlush(id: string, result: unknown): Promise<void> {
    if (!(result as { recording?: boolean } | null)?.recording) return;
    // A marker that never arrives: the SDK kept the data back: what it sent is all there is.
    await this.markers.wait(id);
  }
}
