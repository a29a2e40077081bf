import { fileURLToPath } from 'node:url';
import type { DatadogRecorderConfig } from './config.ts';
import type { IngestBatch, RecorderCapabilities } from '../../adapter.ts';
import { PayloadDecodeError } from '../decode-error.ts';
import { groupByUrl } from '../url-timeline.ts';
import { VendorAdapter, type VendorHandling, type VendorRequest } from '../vendor-adapter.ts';
import { FlushMarkers } from '../flush-markers.ts';
import type { VendorMetadata } from '../vendor-metadata.ts';
import { datadogCapabilities } from './capabilities.ts';
import { decodeEventsBody, decodeReplayBody, datadogIntake } from './payload.ts';
import { splitRumEvents } from './rum-events.ts';
import { DatadogTranslator } from './translate.ts';

/** The made-up host the SDK's `proxy` option points at (the path is the proxy's, the intake path rides in `ddforward`). */
export const DATADOG_PROXY_ORIGIN = 'https://dd.maskproof.invalid';
const PROXY_URL = `${DATADOG_PROXY_ORIGIN}/proxy`;
const APPLICATION_ID = '00000000-0000-4000-8000-00000000d0d0';
const CLIENT_TOKEN = 'pubmaskproofharness0000000000000';
/** How long a flush waits for the requests the page says it sent: a guard against a lost request, not a pause. */
const ARRIVAL_TIMEOUT_MS = 5_000;

/**
 * Datadog RUM with Session Replay: @datadog/browser-rum bundled for the page (its recorder and its
 * deflate worker included, nothing lazy-loaded from a CDN), sending through its `proxy` option to a
 * made-up host. Every request is decoded: replay segments (multipart, the deflated segment) become
 * rrweb events (./translate.ts, from Datadog's own Change format), with the segment metadata kept;
 * RUM and logs batches (views with URLs, resources with full URLs, actions named from the clicked
 * element's text, errors with their messages) are kept whole as metadata: they left the browser too.
 */
export class DatadogAdapter extends VendorAdapter {
  readonly name = 'datadog';
  protected readonly origin = DATADOG_PROXY_ORIGIN;
  protected readonly bundleEntry = fileURLToPath(new URL('./page-entry.js', import.meta.url));
  protected readonly bundlePackages = ['@datadog/browser-rum'];
  /** One translator per replayed document (a session's view ids share the page's string table and node ids). */
  private readonly translators = new Map<string, DatadogTranslator>();
  /** The dd-request-id of each request that reached the route (Datadog's requests are the flush markers). */
  private readonly arrivedRequests = new FlushMarkers(ARRIVAL_TIMEOUT_MS);

  constructor(private readonly config: DatadogRecorderConfig) {
    super();
  }

  get capabilities(): RecorderCapabilities {
    return datadogCapabilities(this.config);
  }

  protected pageConfig() {
    return {
      origin: DATADOG_PROXY_ORIGIN,
      proxy: PROXY_URL,
      applicationId: APPLICATION_ID,
      clientToken: CLIENT_TOKEN,
      options: this.config.options,
      // Not privacy options: every session is tracked and replayed, so that each journey produces a
      // replay (the SDK's own default sessionReplaySampleRate is 0: nothing would be recorded).
      harnessOptions: { sessionSampleRate: 100, sessionReplaySampleRate: 100, telemetrySampleRate: 0 },
    };
  }

  protected handle(request: VendorRequest): VendorHandling {
    const intake = datadogIntake(request.url);
    if (!intake) throw new PayloadDecodeError(`unexpected request ${request.method} ${new URL(request.url).pathname}`);
    if (intake.requestId) this.requestArrived(intake.requestId);
    const ok = { status: 202, contentType: 'application/json', body: '{}' };
    if (!request.body) throw new PayloadDecodeError(`${intake.track} request without a body`);
    const batches: IngestBatch[] = [];
    if (intake.track === 'replay') {
      const segment = decodeReplayBody(request.body);
      const key = documentKey(segment.metadata);
      const translator = this.translators.get(key) ?? new DatadogTranslator();
      this.translators.set(key, translator);
      const events = translator.translate(segment.records);
      const metadata: VendorMetadata = { vendor: 'datadog', kind: 'replay_segment', payload: { ...segment.event, compressedBytes: segment.compressedBytes, rawBytes: segment.rawBytes } };
      const groups = groupByUrl(events, request.urlLog, request.pageUrl);
      if (groups.length === 0) batches.push({ url: request.pageUrl, events: [], metadata });
      groups.forEach((group, index) => batches.push({ url: group.url, events: group.events, metadata: index === 0 ? metadata : undefined }));
    } else {
      const { resources, others } = splitRumEvents(decodeEventsBody(request.body, intake));
      for (const group of groupByUrl(resources, request.urlLog, request.pageUrl)) batches.push({ url: group.url, events: group.events });
      if (others.length > 0) batches.push({ url: request.pageUrl, events: [], metadata: { vendor: 'datadog', kind: intake.track, payload: others } satisfies VendorMetadata });
    }
    return { batches, reply: ok };
  }

  private requestArrived(id: string): void {
    this.arrivedRequests.arrive(id);
  }

  /** The page's flush returned the dd-request-id of every request it sent: resolves once all have arrived. */
  protected async afterFlush(_id: string, result: unknown): Promise<void> {
    const expected = ((result ?? {}) as { requests?: unknown }).requests;
    const ids = Array.isArray(expected) ? expected.filter((id): id is string => typeof id === 'string') : [];
    // A request the page sent that never reached the route: what arrived is all there is.
    await Promise.all(ids.map((id) => this.arrivedRequests.wait(id)));
  }
}

/** The session and the document the records were taken in: node ids and the string table live as long as the page. */
function documentKey(metadata: Record<string, unknown>): string {
  const session = (metadata.session as { id?: unknown } | undefined)?.id;
  return String(session ?? '');
}
