import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { LocalAnswer, ObserveDescriptor, ObservedDecoded, ObservedIngestRequest } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/ingest-matcher.ts';
import { PayloadDecodeError } from '../decode-error.ts';
import type { VendorMetadata } from '../vendor-metadata.ts';
import { decodePosthogBody } from './payload.ts';
import { remoteConfig } from './remote-config.ts';

/** PostHog's own hosts: `us.i.posthog.com`, `eu-assets.i.posthog.com`, and the older `app.`/`us.`/`eu.posthog.com` api hosts. */
export function isPosthogHost(hostname: string): boolean {
  return /(^|\.)i\.posthog\.com$/i.test(hostname) || /^(app|us|eu)\.posthog\.com$/i.test(hostname);
}

/** The batch endpoints posthog-js posts events to: `/s/` (recordings), `/e/`, `/i/v0/e/` (analytics), and the legacy `/batch/`, `/capture/`, `/track/`. */
export function isPosthogBatchPath(pathname: string): boolean {
  return /\/(s|e|i\/v0\/e|batch|capture|track)\/?$/.test(pathname);
}

const JSON_TYPE = 'application/json';
const FLAGS = { flags: {}, featureFlags: {}, featureFlagPayloads: {}, errorsWhileComputingFlags: false };
const OK = JSON.stringify({ status: 1 });

/** The project as PostHog serves it with session replay on and every other setting at its default (./remote-config.ts). */
function projectConfig(token: string) {
  return remoteConfig(token, {});
}

/** The installed posthog-js's dist directory (the user's, else maskproof's own), for its lazy-loaded scripts. */
function posthogDist(): string | undefined {
  for (const from of [join(process.cwd(), 'package.json'), import.meta.url]) {
    try {
      return join(createRequire(from).resolve('posthog-js/package.json'), '..', 'dist');
    } catch {
      // not installed there
    }
  }
  return undefined;
}

/**
 * What posthog-js asks for before it records, answered as PostHog would so the recorder starts
 * offline: the remote config (GET /array/<token>/config, or config.js, which sets
 * window._POSTHOG_REMOTE_CONFIG) with session recording on; flags and the legacy decide; the scripts
 * it lazy-loads (/static/<kind>.js, /static/<version>/<kind>.js) from the installed posthog-js.
 * Any other POST that is not a batch endpoint (logs, metrics, surveys) is acknowledged unread.
 */
export function posthogLocalAnswer(request: ObservedIngestRequest): LocalAnswer | undefined {
  const path = new URL(request.url).pathname;
  const config = /\/array\/([^/]+)\/config(\.js)?$/.exec(path);
  if (config) {
    const token = decodeURIComponent(config[1]!);
    const body = projectConfig(token);
    if (!config[2]) return { contentType: JSON_TYPE, body: JSON.stringify(body) };
    const script = `(function(){var w=window;w._POSTHOG_REMOTE_CONFIG=w._POSTHOG_REMOTE_CONFIG||{};w._POSTHOG_REMOTE_CONFIG[${JSON.stringify(token)}]={config:${JSON.stringify(body)},siteApps:[]};})();`;
    return { contentType: 'text/javascript', body: script };
  }
  if (/\/flags\/?$/.test(path)) return { contentType: JSON_TYPE, body: JSON.stringify(FLAGS) };
  if (/\/decide\/?$/.test(path)) return { contentType: JSON_TYPE, body: JSON.stringify({ ...projectConfig(''), ...FLAGS }) };
  const script = /\/static\/(?:[\w.-]+\/)?([a-z0-9-]+)\.js$/.exec(path);
  if (script) {
    const dist = posthogDist();
    const file = dist ? join(dist, `${script[1]}.js`) : undefined;
    if (file && existsSync(file)) return { contentType: 'text/javascript', body: readFileSync(file) };
    return { status: 404, contentType: 'text/plain', body: `posthog-js is not installed here: install it to serve ${script[1]}.js locally` };
  }
  if (request.method === 'POST' && !isPosthogBatchPath(path)) return { contentType: JSON_TYPE, body: OK };
  return undefined;
}

/**
 * One batch posthog-js sent (gzip, base64 form or plain JSON; see ./payload.ts): each $snapshot as its
 * rrweb events with the other $snapshot properties as metadata, every other event ($pageview,
 * $autocapture, $pageleave, ...) whole as one metadata-only batch. Answered `{"status":1}`.
 */
export function decodeObservedPosthog(request: ObservedIngestRequest): ObservedDecoded {
  if (!request.body || request.body.length === 0) throw new PayloadDecodeError('PostHog batch request without a body');
  const decoded = decodePosthogBody(request.body, request.url);
  const batches: ObservedDecoded['batches'] = decoded.snapshots.map((snapshot) => {
    const metadata: VendorMetadata = { vendor: 'posthog', kind: '$snapshot', payload: { ...snapshot.properties, encoding: decoded.encoding } };
    return { events: snapshot.events, metadata };
  });
  if (decoded.others.length > 0) {
    const metadata: VendorMetadata = { vendor: 'posthog', kind: 'events', payload: decoded.others };
    batches.push({ events: [], metadata });
  }
  return { batches, reply: OK };
}

/**
 * posthog-js drops every event from a browser that reads as automated (navigator.webdriver, a
 * "HeadlessChrome" user agent; @posthog/browser-common isLikelyBot), so under Playwright the app's
 * own recorder would send nothing. The page reads as the user's browser it runs as in production:
 * only those two readings change; no PostHog code or global is touched.
 */
export const POSTHOG_INIT_SCRIPT = `(function () {
  try {
    var proto = Object.getPrototypeOf(navigator);
    var ua = navigator.userAgent.replace(/HeadlessChrome/g, 'Chrome');
    var version = navigator.appVersion.replace(/HeadlessChrome/g, 'Chrome');
    Object.defineProperty(proto, 'webdriver', { configurable: true, get: function () { return false; } });
    Object.defineProperty(proto, 'userAgent', { configurable: true, get: function () { return ua; } });
    Object.defineProperty(proto, 'appVersion', { configurable: true, get: function () { return version; } });
  } catch (e) {}
})();`;

/**
 * PostHog session replay observed: posthog-js posts $snapshot batches to `/s/` and analytics to
 * `/e/` or `/i/v0/e/` on PostHog's hosts, or under the app's own reverse-proxy path (`ingest.url`,
 * e.g. `**\/ingest/**`). posthog-js flushes on the way out (beforeunload and pagehide, by sendBeacon),
 * never on visibilitychange: the flush takes the page through the bfcache lifecycle.
 */
export const posthogObserve: ObserveDescriptor = {
  matcher: (config) => {
    const host = (url: URL) => isPosthogHost(url.hostname);
    return config.ingest?.url ? [host, ingestMatcher(config.ingest.url)] : host;
  },
  decode: (request) => decodeObservedPosthog(request),
  localAnswer: (request) => posthogLocalAnswer(request),
  flushLifecycle: 'bfcache',
  initScript: POSTHOG_INIT_SCRIPT,
};
