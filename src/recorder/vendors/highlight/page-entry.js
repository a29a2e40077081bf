// Runs in the page, bundled by esbuild: starts highlight.run (H.init, its rrweb fork and its request
// worker) with the options of maskproof's recorder config, and exposes the flush the harness calls.
// The backend (GraphQL) and the OpenTelemetry endpoint are a made-up host the harness intercepts and
// answers, so nothing leaves the machine.
import { H } from 'highlight.run';

(function startHighlight(config) {
  // Highlight records nothing in a browser that reads as automated (Highlight.initialize returns at
  // once when navigator.webdriver is set, unless window.Cypress exists): the page reads as the user's
  // browser it runs as in production. Only that reading changes; no Highlight code is touched.
  try {
    Object.defineProperty(Object.getPrototypeOf(navigator), 'webdriver', { configurable: true, get: function () { return false; } });
  } catch (e) {}

  H.init(config.projectId, Object.assign({}, config.harnessDefaults, config.options, { backendUrl: config.backendUrl, otlpEndpoint: config.otlpEndpoint }));

  // The OpenTelemetry API keeps its providers on a global symbol (@opentelemetry/api, major version 1).
  function otelProviders() {
    var api = globalThis[Symbol.for('opentelemetry.js.api.1')];
    var tracer = api && api.trace;
    var delegate = tracer && typeof tracer.getDelegate === 'function' ? tracer.getDelegate() : tracer;
    return [delegate, api && api.metrics].filter(function (p) { return p && typeof p.forceFlush === 'function'; });
  }

  // Registered before the harness's own beforeunload flush (this bundle runs first), so the flush
  // knows the page is on its way out, where Highlight cancels its push timer.
  var unloading = false;
  window.addEventListener('beforeunload', function () { unloading = true; });
  window.addEventListener('pageshow', function () { unloading = false; });

  window.__maskproofVendor = {
    name: 'highlight',
    /** The SDK itself, for debugging and for fixtures/vendor-payloads/highlight/capture.ts. */
    sdk: H,
    /**
     * Highlight has no flush API: it pushes what it holds on its own timer (1 s after start, then every
     * 2 s; constants/sessions.ts). A marker goes into its console messages (H.log): the harness waits
     * until the PushPayload that carries it has arrived, and with it everything recorded before. On the
     * way out (beforeunload) Highlight cancels its timer itself, so no marker is promised then. Spans
     * (OTLP) are flushed through the OpenTelemetry providers the SDK registered.
     */
    flush: function (markerId) {
      var recording = H.getRecordingState() === 'Recording';
      var spans = Promise.all(otelProviders().map(function (p) { return Promise.resolve(p.forceFlush()).catch(function () {}); }));
      if (!recording || unloading) return spans.then(function () { return { marker: false }; });
      H.log('maskproof/flush-marker ' + markerId, 'INFO', { maskproof_marker: markerId });
      return spans.then(function () { return { marker: true }; });
    },
  };
})(window.__maskproofVendorConfig);
