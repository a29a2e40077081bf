import { randomUUID } from 'node:crypto';
import type { BrowserContext, Frame, Page, Route } from '@playwright/test';
import type { IngestSink, RecorderAdapter, RecorderCapabilities } from '../adapter.ts';
import { PayloadDecodeError } from '../vendors/decode-error.ts';
import type { ObserveDescriptor } from '../vendors/descriptor.ts';
import { vendorOf } from '../vendors/registry.ts';
import type { ObserveConfig } from './observe-config.ts';

/**
 * Path (on the page's own origin) the harness fetches after making the page flush: requests a page
 * starts in one task reach the browser's interception in order, so when this one is intercepted the
 * ingest requests the flush started have been too. Answered locally; never reaches the app.
 */
export const FLUSH_MARK_PATH = '/__maskproof__/observe-flush';
const UNLOAD_BINDING = '__maskproofObserveUnload';
const UNLOAD_FLUSH_LIMIT_MS = 10_000;

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, PUT, OPTIONS',
};

/**
 * Page-side: the lifecycle signal recorders flush on. The page is shown hidden (visibilitychange,
 * as when the user switches tab), then visible again so the recorder goes on; then the mark is
 * fetched. No recorder global is touched.
 */
function hideAndShowScript(markUrlExpression: string, lifecycle: 'visibility' | 'bfcache' | 'blur' = 'visibility'): string {
  const bfcache = lifecycle === 'bfcache';
  // A tab switch blurs the window too; an SDK that flushes only on blur (Amplitude) is sent it.
  const blur = lifecycle === 'blur';
  return `(function () {
  var doc = document;
  function set(state) {
    Object.defineProperty(doc, 'visibilityState', { configurable: true, get: function () { return state; } });
    Object.defineProperty(doc, 'hidden', { configurable: true, get: function () { return state === 'hidden'; } });
    doc.dispatchEvent(new Event('visibilitychange'));
  }
  ${bfcache ? "window.dispatchEvent(new Event('beforeunload', { cancelable: true }));\n  window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));" : ''}
  set('hidden');
  ${blur ? "window.dispatchEvent(new FocusEvent('blur'));" : ''}
  ${blur ? "window.dispatchEvent(new FocusEvent('focus'));" : ''}
  set('visible');
  ${bfcache ? "window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));" : ''}
  delete doc.visibilityState;
  delete doc.hidden;
  return fetch(${markUrlExpression}, { method: 'POST', keepalive: true, cache: 'no-store' }).then(function () {}, function () {});
})()`;
}

/**
 * Harness-side only (no recorder): before a page unloads, what its recorder would send on the way out
 * (sendBeacon, keepalive fetch) never reaches Playwright once the navigation has begun. So on
 * beforeunload the page is made to flush while it is still alive, and the navigation request waits
 * until the mark, and every ingest request before it, has been answered.
 */
function unloadScript(lifecycle: 'visibility' | 'bfcache' | 'blur'): string {
  return `if (window === window.top && /^https?:$/.test(location.protocol) && !window.__maskproofObserveInstalled) {
  window.__maskproofObserveInstalled = true;
  window.addEventListener('beforeunload', function (event) {
    if (!event.isTrusted) return;
    var report = window.${UNLOAD_BINDING};
    if (typeof report !== 'function') return;
    var id = 'unload-' + Date.now().toString(36) + Math.random().toString(36).slice(2);
    report(id);
    ${hideAndShowScript(`'${FLUSH_MARK_PATH}?id=' + id`, lifecycle)};
  });
}`;
}

/**
 * Observe mode: the app ships its own recorder. Nothing is injected into the page but the lifecycle
 * signal above; every request to the configured ingest is intercepted, answered locally (nothing
 * reaches a vendor or the app's own collector), and decoded into rrweb events for the sink.
 */
export class ObserveAdapter implements RecorderAdapter {
  readonly name: string;
  /**
   * Nothing is known of the settings: every check relies on what was recorded. Network and error
   * checks run on whatever requests and errors the recording holds; a route is expected to be left
   * unrecorded by the app's own code (zero traffic there), so route blocking counts as supported.
   */
  readonly capabilities: RecorderCapabilities = { routeBlocking: true, networkRecording: true, errorRecording: true };
  private readonly vendor: ObserveDescriptor;
  /** Ingest requests intercepted and not yet answered. */
  private inFlight = 0;
  private readonly drained: (() => void)[] = [];
  private readonly marks = new Map<string, () => void>();
  private readonly unloadFlushes = new Map<Page, Promise<void>>();
  /** Ingest requests intercepted so far, and who waits for the next one (a recorder that sends asynchronously). */
  private arrived = 0;
  private readonly arrivals: (() => void)[] = [];

  constructor(readonly config: ObserveConfig) {
    this.name = `observed ${config.observe}`;
    const vendor = vendorOf(config.observe)?.observe;
    if (!vendor) throw new Error(`observe mode cannot read ${config.observe} yet`);
    this.vendor = vendor;
  }

  /** What the ingest is, in the words of the "no recorder traffic" failure. */
  get ingestDescription(): string {
    return this.config.ingest?.url ?? this.config.observe;
  }

  async install(context: BrowserContext, sink: IngestSink): Promise<void> {
    await context.exposeBinding(UNLOAD_BINDING, ({ page }, id: unknown) => {
      if (typeof id !== 'string') return;
      this.unloadFlushes.set(page, this.flushed(this.markSeen(id), this.arrived));
    });
    const matchers = this.vendor.matcher(this.config);
    for (const matcher of Array.isArray(matchers) ? matchers : [matchers]) {
      await context.route(matcher, (route) => this.answer(route, sink));
    }
    await context.route((url) => url.pathname === FLUSH_MARK_PATH, (route) => this.onMark(route));
    await context.route(
      (url) => url.protocol === 'http:' || url.protocol === 'https:',
      (route) => this.beforeNavigation(route),
    );
    if (this.vendor.initScript) await context.addInitScript({ content: this.vendor.initScript });
    await context.addInitScript({ content: unloadScript(this.vendor.flushLifecycle ?? 'visibility') });
  }

  async flush(pages: Page[]): Promise<void> {
    for (const page of pages) {
      if (page.isClosed() || !/^https?:/.test(page.url())) continue;
      const id = randomUUID();
      const seen = this.flushed(this.markSeen(id), this.arrived);
      try {
        await page.evaluate(hideAndShowScript(JSON.stringify(`${FLUSH_MARK_PATH}?id=${id}`), this.vendor.flushLifecycle));
      } catch {
        this.marks.get(id)?.();
        continue;
      }
      await seen;
    }
  }

  /**
   * For a recorder that posts what it flushed only later (Sentry: after compressing it in a worker), the
   * mark is not enough: after it, wait for an ingest request beyond the `before` count to arrive and be
   * answered, bounded by the vendor's limit (a recorder with nothing to send sends nothing).
   */
  private async flushed(seen: Promise<void>, before: number): Promise<void> {
    await seen;
    const limit = this.vendor.asyncFlushLimitMs;
    if (!limit || this.arrived > before) return this.idle();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>((resolve) => this.arrivals.push(resolve)),
      new Promise<void>((resolve) => { timer = setTimeout(resolve, limit); timer.unref(); }),
    ]);
    clearTimeout(timer);
    return this.idle();
  }

  /** Resolves once the mark `id` has been intercepted and every ingest request before it answered. */
  private markSeen(id: string): Promise<void> {
    return new Promise<void>((resolve) => this.marks.set(id, resolve)).then(() => this.idle());
  }

  private idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.drained.push(resolve));
  }

  private async onMark(route: Route): Promise<void> {
    const id = new URL(route.request().url()).searchParams.get('id') ?? '';
    const seen = this.marks.get(id);
    this.marks.delete(id);
    seen?.();
    await route.fulfill({ status: 204, headers: CORS }).catch(() => undefined);
  }

  private async answer(route: Route, sink: IngestSink): Promise<void> {
    const request = route.request();
    if (request.method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: CORS }).catch(() => undefined);
      return;
    }
    const local = this.vendor.localAnswer?.({ method: request.method(), url: request.url(), body: request.postDataBuffer(), headers: request.headers() }, this.config);
    if (local) {
      // The SDK's config, flags or scripts: answered as the vendor would, not recorder traffic.
      await route.fulfill({ status: local.status ?? 200, headers: CORS, contentType: local.contentType, body: local.body }).catch(() => undefined);
      return;
    }
    if (request.method() === 'GET' || request.method() === 'HEAD') {
      // A recorder's config or script fetch, not a batch: answered empty, never sent on.
      await route.fulfill({ status: 200, headers: CORS, contentType: 'application/json', body: '{}' }).catch(() => undefined);
      return;
    }
    this.inFlight++;
    let reply = '{}';
    try {
      const frame = frameOf(route);
      const pageUrl = frame ? safeUrl(frame) : '';
      const headers = await request.allHeaders().catch(() => request.headers());
      try {
        const decoded = this.vendor.decode({ method: request.method(), url: request.url(), body: request.postDataBuffer(), headers }, this.config);
        const batches = Array.isArray(decoded) ? [{ events: decoded, metadata: undefined }] : decoded.batches;
        for (const batch of batches) sink.receive({ url: pageUrl, events: batch.events, metadata: batch.metadata });
        if (!Array.isArray(decoded) && decoded.reply !== undefined) reply = decoded.reply;
        // Only a request that carried recording events ends a flush's wait: a session start, a trace or an
        // analytics batch arriving first must not stop the wait before the recording it flushed (Highlight).
        if (batches.some((batch) => batch.events.length > 0)) {
          this.arrived++;
          for (const resolve of this.arrivals.splice(0)) resolve();
        }
      } catch (error) {
        const why = error instanceof PayloadDecodeError ? error.message : `decoder failed: ${(error as Error).message}`;
        sink.malformed({ method: request.method(), url: request.url(), bytes: request.postDataBuffer()?.length ?? 0 }, `${this.name}: ${why}`);
      }
      await route.fulfill({ status: 200, headers: CORS, contentType: 'application/json', body: reply }).catch(() => undefined);
    } finally {
      this.inFlight--;
      if (this.inFlight === 0) for (const resolve of this.drained.splice(0)) resolve();
    }
  }

  /** Holds a page's navigation request until the flush its beforeunload started has been answered. */
  private async beforeNavigation(route: Route): Promise<void> {
    const request = route.request();
    const frame = request.isNavigationRequest() ? frameOf(route) : undefined;
    const pending = frame && !frame.parentFrame() ? this.unloadFlushes.get(frame.page()) : undefined;
    if (pending) {
      this.unloadFlushes.delete(frame!.page());
      // A guard against a page that never sends its mark, not a pause: it normally comes in milliseconds.
      await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, UNLOAD_FLUSH_LIMIT_MS).unref())]);
    }
    await route.fallback().catch(() => undefined);
  }
}

function frameOf(route: Route): Frame | undefined {
  try {
    return route.request().frame();
  } catch {
    return undefined;
  }
}

function safeUrl(frame: Frame): string {
  try {
    return frame.url();
  } catch {
    return '';
  }
}
