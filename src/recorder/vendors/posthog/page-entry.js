// Runs in the page, bundled by esbuild: starts posthog-js (the build with the session recorder
// included, so nothing is lazy-loaded from PostHog's CDN) with the options of maskproof's recorder
// config, and exposes the flush the harness calls. The API host is made up and intercepted by the
// harness, which also answers PostHog's remote config, so nothing leaves the machine.
import posthog from 'posthog-js/dist/module.full.no-external';

(function startPosthog(config) {
  // PostHog never records network requests on localhost, and the fixture app runs on 127.0.0.1: the
  // harness sets PostHog's own escape hatch (_forceAllowLocalhostNetworkCapture) to behave as on a
  // real domain. Set as a non-enumerable accessor before init, because on every page after the
  // first, recording starts inside init (from the remote config PostHog persisted), before any
  // `loaded` callback could set it; the recorders' own `= false` in their constructors is ignored.
  Object.defineProperty(Object.prototype, '_forceAllowLocalhostNetworkCapture', {
    configurable: true,
    enumerable: false,
    get: function () { return true; },
    set: function () {},
  });
  posthog.init(config.token, Object.assign({}, config.options, config.harnessOptions, { api_host: config.apiHost }));

  window.__maskproofVendor = {
    name: 'posthog',
    /** The SDK itself, for debugging and for fixtures/vendor-payloads/capture.ts. */
    sdk: posthog,
    /**
     * Sends what PostHog holds, the way its own unload handler does (release the hold on a page
     * nobody interacted with, drain the compression queue, flush the snapshot buffer), then sends the
     * request queue. A marker goes first into the recording and into the analytics batch: the harness
     * waits until each has arrived, and so everything queued before it. Returns which markers to wait
     * for (none when PostHog keeps the data, e.g. a buffer still held).
     */
    flush: function (markerId) {
      var recording = posthog.sessionRecording;
      var lazy = recording && recording._lazyLoadedSessionRecording;
      var marked = !!(recording && recording.started && recording.tryAddCustomEvent('maskproof/flush-marker', { id: markerId }));
      if (lazy && typeof lazy._onBeforeUnload === 'function') lazy._onBeforeUnload();
      else if (recording) recording.flushBeforeIdentityReset();
      var held = !!(lazy && lazy._buffer && lazy._buffer.data && lazy._buffer.data.length > 0);
      var analytics = !!posthog.capture('maskproof_flush_marker', { maskproof_marker: markerId });
      // PostHog has no public flush for its request queue (it sends on a 3 s timer or on unload).
      var queue = posthog._requestQueue;
      if (queue && typeof queue._flush === 'function') queue._flush();
      return { recording: marked && !held, analytics: analytics };
    },
  };
})(window.__maskproofVendorConfig);
