import { fileURLToPath } from 'node:url';
import type { HighlightRecorderConfig } from './config.ts';
import type { IngestBatch, RecorderCapabilities } from '../../adapter.ts';
import { highlightCapabilities } from './capabilities.ts';
import { groupByUrl } from '../url-timeline.ts';
import { VendorAdapter, type VendorHandling, type VendorRequest } from '../vendor-adapter.ts';
import { FlushMarkers } from '../flush-markers.ts';
import { highlightBatches } from './batches.ts';
import { decodeHighlightRequest, graphqlReply } from './payload.ts';

const ORIGIN = 'https://hl.maskproof.invalid';
const PROJECT_ID = 'maskproof-harness';
/**
 * How long a flush waits for its marker: Highlight pushes 1 s after start and then every 2 s, so the
 * marker normally arrives within 2 s; a guard against an SDK that stopped sending, not a pause.
 */
const MARKER_TIMEOUT_MS = 6_000;

/**
 * Highlight session replay: highlight.run's H.init with the config's options, its GraphQL backend
 * and its OpenTelemetry endpoint pointed at a made-up host. The harness answers initializeSession as
 * Highlight's backend does (so recording starts), and decodes every push (base64 gzip JSON from the
 * SDK's Web Worker: rrweb events, console messages, network resources, errors), every other
 * operation (identify, session properties, metrics) and every OTLP export, all kept for scanning.
 */
export class HighlightAdapter extends VendorAdapter {
  readonly name = 'highlight';
  protected readonly origin = ORIGIN;
  protected readonly bundleEntry = fileURLToPath(new URL('./page-entry.js', import.meta.url));
  protected readonly bundlePackages = ['highlight.run'];
  private readonly markers = new FlushMarkers(MARKER_TIMEOUT_MS);

  constructor(private readonly config: HighlightRecorderConfig) {
    super();
  }

  get capabilities(): RecorderCapabilities {
    return highlightCapabilities(this.config);
  }

  protected pageConfig() {
    return {
      projectId: PROJECT_ID,
      backendUrl: `${ORIGIN}/graphql`,
      otlpEndpoint: `${ORIGIN}/otel`,
      options: this.config.options,
      // Not privacy options: on localhost/127.0.0.1 (the fixture app) Highlight inlines images,
      // videos and stylesheets by default; on the real domain an app runs on it does not.
      harnessDefaults: { inlineImages: false, inlineVideos: false, inlineStylesheet: false },
    };
  }

  protected handle(request: VendorRequest): VendorHandling {
    const decoded = decodeHighlightRequest(request.url, request.body);
    const reply = { status: 200, contentType: 'application/json', body: decoded.kind === 'graphql' ? graphqlReply(decoded.operation, decoded.variables) : '{}' };
    const batches: IngestBatch[] = [];
    for (const batch of highlightBatches(decoded)) {
      if (batch.marker) this.markerArrived(batch.marker);
      if (batch.events.length === 0) {
        batches.push({ url: request.pageUrl, events: [], metadata: batch.metadata });
        continue;
      }
      const groups = groupByUrl(batch.events, request.urlLog, request.pageUrl);
      groups.forEach((group, index) => batches.push({ url: group.url, events: group.events, metadata: index === 0 ? batch.metadata : undefined }));
    }
    return { batches, reply };
  }

  private markerArrived(id: string): void {
    this.markers.arrive(id);
  }

  /** The page's flush put a marker into Highlight's messages: resolves once the push carrying it arrived. */
  protected async afterFlush(id: string, result: unknown): Promise<void> {
    if (!(result as { marker?: boolean } | null)?.marker) return;
    // A marker that never arrives: Highlight stopped pushing (its worker gave up): what it sent is all there is.
    await this.markers.wait(id);
  }
}
