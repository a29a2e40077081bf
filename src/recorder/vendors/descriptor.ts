import type { eventWithTime } from '@rrweb/types';
import type { RecorderConfig } from '../../config/recorder-config.ts';
import type { IngestRequest, RecordedError, RecordedRequest, RecorderCapabilities, RecorderTraits } from '../../contract/recording.ts';
import type { PrivacySetting } from '../../contract/settings.ts';
import type { PrivacySelectors } from '../../visual/types.ts';
import type { RecorderAdapter } from '../adapter.ts';
import type { SessionOptions } from '../init-script.ts';
import type { ObserveConfig } from '../observe/observe-config.ts';

/** One request to an observed ingest, as the observe adapter hands it to a vendor's decoder. */
export interface ObservedIngestRequest {
  method: string;
  url: string;
  body: Buffer | null;
  headers: Record<string, string>;
}

/** A Playwright URL matcher: a glob, a RegExp or a predicate. */
export type IngestUrlMatcher = string | RegExp | ((url: URL) => boolean);

/** What one ingest request carried, for a vendor that sends more than rrweb events (Sentry's replay_event, error events). */
export interface ObservedDecoded {
  /** Each with the events (possibly none) and what else the vendor sent with them, kept for scanning. */
  batches: { events: eventWithTime[]; metadata?: unknown }[];
  /** The JSON body the vendor's SDK expects back (default `{}`). */
  reply?: string;
}

/** A request the vendor's SDK makes to start (its remote config, flags, a lazy-loaded script), answered as the vendor would. */
export interface LocalAnswer {
  status?: number;
  contentType: string;
  body: string | Buffer;
}

/** What observe mode needs to know of a vendor: where its recorder sends, and how to read it. */
export interface ObserveDescriptor {
  /** The recorder has no endpoint of its own (rrweb posts wherever the app says): `ingest.url` must be given. */
  ingestUrlRequired?: boolean;
  /** The ingest requests to intercept (one matcher, or several: a vendor's own host and the app's tunnel path). */
  matcher(config: ObserveConfig): IngestUrlMatcher | IngestUrlMatcher[];
  /** The rrweb events in one request (or batches with metadata); throws PayloadDecodeError when it is not what the recorder sends. */
  decode(request: ObservedIngestRequest, config: ObserveConfig): eventWithTime[] | ObservedDecoded;
  /**
   * The recorder sends what a flush collected later, asynchronously (Sentry compresses in a worker first):
   * after the lifecycle signal the harness waits for the next ingest request to arrive, at most this long
   * (a bound for a recorder with nothing to send, e.g. a route it does not record; not a pause).
   */
  asyncFlushLimitMs?: number;
  /**
   * The page lifecycle the SDK flushes on. `visibility` (default): the page goes hidden and visible
   * again, as when the user switches tab. `bfcache`: the page also goes through what a browser fires
   * when the user leaves it and comes back with Back (beforeunload, pagehide and pageshow with
   * `persisted`), for an SDK that only flushes on the way out (PostHog). `blur`: the window also loses
   * and regains focus, as it does on a tab switch, for an SDK that flushes on blur (Amplitude).
   */
  flushLifecycle?: 'visibility' | 'bfcache' | 'blur';
  /**
   * Answers, locally, a matched request that is not recorder traffic (the SDK's remote config, flags,
   * scripts): never decoded, never counted as traffic. Undefined: the request is the recorder's.
   */
  localAnswer?(request: ObservedIngestRequest, config: ObserveConfig): LocalAnswer | undefined;
  /**
   * Runs in every page before the app's own scripts, when the SDK needs the page to read as a
   * user's browser (PostHog drops everything from a browser that reads as automated). Touches no SDK.
   */
  initScript?: string;
}

/** What every recorder config carries, whatever its vendor. */
export interface ConfigBase {
  name: string;
  description?: string;
  /** Where the config was read from, for reports. */
  source: string;
}

/** Turn a vendor's own network and error shapes into plain requests and errors (at capture time). */
export interface RecordedReaders {
  /** `ingests`: what the vendor sent beside the events, for a vendor that records requests there (New Relic's session trace, Highlight's resources). */
  requests(events: readonly eventWithTime[], ingests?: readonly IngestRequest[]): RecordedRequest[];
  errors(recording: { events: readonly eventWithTime[]; ingests: readonly IngestRequest[] }): RecordedError[];
}

/**
 * What a recorder sends beyond the DOM, network and errors (read by the leak-vector matrix: a vector on a
 * surface the recorder does not send is inapplicable to it). Absent keys: not sent.
 */
export interface RecorderSurfaces {
  /** Click breadcrumbs beside the DOM events: the clicked element's text and attributes. */
  clickBreadcrumbs?: boolean;
  /** A privacy config its server sends when the SDK starts, which can change the local one. */
  remoteConfig?: boolean;
  /**
   * The documents of same-origin iframes, serialized with the page (default true: rrweb and its forks
   * do). False for a recorder that records an iframe as an empty element whatever its config.
   */
  iframeDocuments?: boolean;
  /**
   * Canvas content (drawn text included), when some config of the recorder records it (default true: rrweb's
   * recordCanvas). False for an SDK that never does, whatever its config; a config that leaves it off is "safe".
   */
  canvas?: boolean;
  /** Why a surface is not sent, in the vendor's own terms (the option that turns it on): shown instead of the generic reason. */
  notSent?: Partial<Record<SurfaceName, string>>;
}

/** The surfaces a vendor answers for (RecorderSurfaces without its reasons). */
export type SurfaceName = 'clickBreadcrumbs' | 'remoteConfig' | 'iframeDocuments' | 'canvas';

/**
 * A recorder vendor as maskproof knows it: everything about it is here, in its folder, and the
 * registry (./registry.ts) lists it. The rest of maskproof asks the registry, never names a vendor.
 * `Config` is the vendor's own recorder config type (its functions are only called with its configs).
 */
export interface VendorDescriptor<Config extends RecorderConfig = any> {
  kind: string;
  /** The product, as the report names it: "Sentry Replay". */
  label: string;
  /** How one-line messages name it: "Sentry" (default: label). */
  name?: string;
  /** JSON Schema of its recorder config file (`{"recorder": "<kind>", ...}`); unknown keys must be errors. */
  configSchema: object;
  /** The validated config with its defaults filled in. */
  parseConfig(raw: any, base: ConfigBase): Config;
  /** Observe mode: where the app's own recorder sends, and how to read it. */
  observe?: ObserveDescriptor;
  /** Inject mode: the adapter that installs this recorder with the config's settings. */
  inject(config: Config, session: SessionOptions): RecorderAdapter;
  /** What the config can support, without starting anything (the adapter gives the same answer). */
  capabilities(config: Config): RecorderCapabilities;
  /** Why the config cannot leave routes unrecorded (read when capabilities say routeBlocking: false). */
  noRouteBlocking(config: Config): string;
  /** Where the collection controls (consent, sampling, opt-out, URL stripping) are decided: see RecorderTraits. */
  collectionWindow: RecorderTraits['collectionWindow'];
  /** Its network and error shapes, read into plain requests and errors at capture time. */
  readers?: RecordedReaders;
  /** What the config masks and blocks, as selectors for the live page (the visual proof). */
  privacySelectors(config: Config): PrivacySelectors;
  /** The config's privacy settings in plain words, one line per protection (the report header). */
  privacySettings(config: Config): PrivacySetting[];
  /** What it sends beyond the DOM, network and errors (default: nothing more). */
  surfaces?(config: Config): RecorderSurfaces;
  /** The npm packages the page bundle of inject mode needs (optional peer dependencies). */
  sdkPackages?: readonly string[];
}

