import { randomUUID } from 'node:crypto';
import type { BrowserContext, Frame, Page, Route } from '@playwright/test';
import type { IngestBatch, IngestSink, RecorderAdapter, RecorderCapabilities } from '../adapter.ts';
import { PayloadDecodeError } from './decode-error.ts';
import { pageBundle } from './page-bundle.ts';
import { URL_BINDING, type UrlLogEntry, currentDocument, isUrlLogEntry, urlLogScript } from './url-timeline.ts';

/** One request the SDK made to its (made-up, intercepted) host. */
export interface VendorRequest {
  method: string;
  url: string;
  body: Buffer | null;
  /** The request's headers, names in lower case (a vendor's ingest carries the page URL or ids in them too). */
  headers?: Record<string, string>;
  /** location.href of the page that sent it ('' when Playwright no longer knows the frame). */
  pageUrl: string;
  /** The page's URL history, to tell which events were recorded on which URL. */
  urlLog: UrlLogEntry[];
}

/** What the harness answers in the vendor's place. */
export interface VendorReply {
  status: number;
  body?: string;
  contentType?: string;
}

export interface VendorHandling {
  batches: IngestBatch[];
  reply: VendorReply;
}

/** The global the page bundle exposes its flush on. */
export const VENDOR_GLOBAL = '__maskproofVendor';
const CONFIG_GLOBAL = '__maskproofVendorConfig';
/** The binding a page reports a flush it started on beforeunload through. */
const FLUSH_BINDING = '__maskproofVendorFlush';
const UNLOAD_FLUSH_LIMIT_MS = 10_000;

/**
 * Page-side: on beforeunload (fired before the navigation request, for page.goto, link clicks,
 * location changes and reloads alike) starts the SDK's flush and reports it through the binding,
 * which, unlike an evaluate, still reaches the harness while the navigation is under way.
 */
const flushOnUnloadScript = `window.addEventListener('beforeunload', function () {
  var vendor = window.${VENDOR_GLOBAL};
  var report = window.${FLUSH_BINDING};
  if (!vendor || typeof report !== 'function') return;
  var id = 'unload-' + Date.now().toString(36) + Math.random().toString(36).slice(2);
  report({ phase: 'start', id: id });
  Promise.resolve()
    .then(function () { return vendor.flush(id); })
    .then(function (result) { report({ phase: 'done', id: id, result: result === undefined ? null : result }); },
          function () { report({ phase: 'done', id: id, result: null }); });
});`;

// The SDKs call a cross-origin host from the app's pages.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

/**
 * A vendor SDK built on rrweb, driven for real: its package is bundled for the page, initialised by
 * an init script with the options of the recorder config, and pointed at a made-up host that the
 * context intercepts, so no request leaves the machine (a host under .invalid cannot resolve, and
 * Playwright answers before DNS is asked). Every request is decoded back into rrweb events and
 * metadata for the sink.
 *
 * What a page sends while it unloads (sendBeacon, keepalive fetch) never reaches Playwright, so
 * before a page navigates away the SDK is made to send what it holds, as it would given the time,
 * and the navigation waits until that has arrived.
 */
export abstract class VendorAdapter implements RecorderAdapter {
  abstract readonly name: string;
  abstract readonly capabilities: RecorderCapabilities;
  /** Origin of the made-up host the SDK sends to. */
  protected abstract readonly origin: string;
  /** The page entry (bundled with esbuild) and the packages whose versions key the bundle cache. */
  protected abstract readonly bundleEntry: string;
  protected abstract readonly bundlePackages: string[];
  /** What the page entry reads from window.__maskproofVendorConfig. */
  protected abstract pageConfig(): unknown;
  /** Decodes one request; throws PayloadDecodeError when the bytes are not what the SDK sends. */
  protected abstract handle(request: VendorRequest): VendorHandling;
  /**
   * After the page's flush(id) returned `result`: resolves once what it sent has reached the sink
   * (Sentry's flush resolves only after its sends were answered; PostHog's returns which markers to
   * wait for).
   */
  protected abstract afterFlush(id: string, result: unknown): Promise<void>;

  /** Flushes started by a page's beforeunload, until what they sent has arrived. */
  private readonly unloadFlushes = new Map<Page, Promise<void>>();
  private readonly pageFlushDone = new Map<string, () => void>();
  /** Every URL each page was at, as it reported them. */
  private readonly urlLogs = new Map<Page, UrlLogEntry[]>();

  async install(context: BrowserContext, sink: IngestSink): Promise<void> {
    const bundle = await pageBundle(this.bundleEntry, this.bundlePackages);
    await context.exposeBinding(FLUSH_BINDING, ({ page }, message: unknown) => this.onPageFlush(page, message));
    await context.exposeBinding(URL_BINDING, ({ page }, entry: unknown) => {
      if (!isUrlLogEntry(entry)) return;
      const log = this.urlLogs.get(page) ?? [];
      log.push(entry);
      this.urlLogs.set(page, log);
    });
    await context.route(`${this.origin}/**`, (route) => this.answer(route, sink));
    await context.route(
      (url) => url.origin !== this.origin && (url.protocol === 'http:' || url.protocol === 'https:'),
      (route) => this.beforeNavigation(route),
    );
    await context.addInitScript({ content: this.initScript(bundle) });
  }

  async flush(pages: Page[]): Promise<void> {
    for (const page of pages) {
      if (!page.isClosed()) await this.flushPage(page).catch(() => undefined);
    }
  }

  /** Makes the SDK in this page send what it holds; resolves when that has reached the sink. */
  private async flushPage(page: Page): Promise<void> {
    const id = randomUUID();
    const result = await page.evaluate(
      ({ name, id }) => (window as unknown as Record<string, { flush(id: string): unknown } | undefined>)[name]?.flush(id),
      { name: VENDOR_GLOBAL, id },
    );
    await this.afterFlush(id, result);
  }

  /**
   * The page's beforeunload started a flush ("start"), then its flush(id) returned ("done"). Playwright
   * cannot evaluate in a page whose navigation is under way, so the page starts the flush itself,
   * and the navigation request waits below until it has arrived.
   */
  private onPageFlush(page: Page, message: unknown): void {
    const { phase, id, result } = (message ?? {}) as { phase?: string; id?: string; result?: unknown };
    if (phase === 'start' && typeof id === 'string') {
      let finish: () => void = () => undefined;
      this.unloadFlushes.set(page, new Promise<void>((resolve) => (finish = resolve)));
      this.pageFlushDone.set(id, finish);
    }
    if (phase === 'done' && typeof id === 'string') {
      const finish = this.pageFlushDone.get(id);
      this.pageFlushDone.delete(id);
      void this.afterFlush(id, result).finally(() => finish?.());
    }
  }

  /**
   * Top frame only (the SDKs record same-origin iframes from there, and rrweb's helper iframe must
   * not start a second SDK), and only on http(s) pages, not the initial about:blank.
   */
  private initScript(bundle: string): string {
    return [
      `if (window === window.top && /^https?:$/.test(location.protocol) && !window.__maskproofVendorInstalled) {`,
      'window.__maskproofVendorInstalled = true;',
      urlLogScript,
      `window.${CONFIG_GLOBAL} = ${JSON.stringify(this.pageConfig())};`,
      // No `exports`, `module` or `define` in scope: an app's module loader cannot capture the bundle.
      '(function (exports, module, define) {',
      bundle,
      '}).call(window);',
      flushOnUnloadScript,
      '}',
    ].join('\n');
  }

  private async answer(route: Route, sink: IngestSink): Promise<void> {
    const request = route.request();
    if (request.method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: CORS }).catch(() => undefined);
      return;
    }
    const frame = frameOf(route);
    const vendorRequest: VendorRequest = {
      method: request.method(),
      url: request.url(),
      body: request.postDataBuffer(),
      headers: await request.allHeaders().catch(() => request.headers()),
      pageUrl: frame ? safeUrl(frame) : '',
      urlLog: frame ? currentDocument(this.urlLogs.get(frame.page()) ?? []) : [],
    };
    let reply: VendorReply = { status: 200, body: '{}', contentType: 'application/json' };
    try {
      const handled = this.handle(vendorRequest);
      for (const batch of handled.batches) sink.receive(batch);
      reply = handled.reply;
    } catch (error) {
      // Kept as evidence of a recorder (or a decoder) that broke; the SDK still gets its answer, so
      // that a page waiting on it (and a navigation waiting on the page) goes on.
      const why = error instanceof PayloadDecodeError ? error.message : `decoder failed: ${(error as Error).message}`;
      sink.malformed({ method: vendorRequest.method, url: vendorRequest.url, bytes: vendorRequest.body?.length ?? 0 }, `${this.name}: ${why}`);
    }
    await route
      .fulfill({ status: reply.status, headers: CORS, contentType: reply.contentType, body: reply.body })
      .catch(() => undefined);
  }

  /** Holds a page's navigation request until the flush its beforeunload started has arrived. */
  private async beforeNavigation(route: Route): Promise<void> {
    const request = route.request();
    const frame = request.isNavigationRequest() ? frameOf(route) : undefined;
    const pending = frame && !frame.parentFrame() ? this.unloadFlushes.get(frame.page()) : undefined;
    if (pending) {
      this.unloadFlushes.delete(frame!.page());
      // A guard against an SDK that never answers, not a pause: the flush normally ends in milliseconds.
      await Promise.race([pending, new Promise((resolve) => setTimeout(resolve, UNLOAD_FLUSH_LIMIT_MS).unref())]);
    }
    await route.fallback().catch(() => undefined);
  }
}

function frameOf(route: Route): Frame | undefined {
  try {
    return route.request().frame();
  } catch {
    // Service-worker requests have no frame.
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
