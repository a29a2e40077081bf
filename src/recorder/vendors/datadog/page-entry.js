// Runs in the page, bundled by esbuild: starts @datadog/browser-rum (RUM and Session Replay, the
// recorder bundled in, its deflate worker created from the blob URL the package carries) with the
// options of maskproof's recorder config, and exposes the flush the harness calls. The SDK sends
// through its `proxy` option to a made-up host the harness intercepts, so nothing leaves the machine.
import { datadogRum } from '@datadog/browser-rum';

(function startDatadog(config) {
  // Every request the SDK sends to the intake, by its dd-request-id (each has its own), so that a
  // flush can say which requests the harness must wait for. Read at call time: the SDK calls the
  // global fetch and sendBeacon when it sends.
  var sent = [];
  function note(url) {
    try {
      var parsed = new URL(String(url), location.href);
      if (parsed.origin !== config.origin) return;
      var forward = parsed.searchParams.get('ddforward') || '';
      var id = new URLSearchParams(forward.split('?')[1] || '').get('dd-request-id');
      if (id) sent.push(id);
    } catch (error) {
      // Not a URL: not the SDK's.
    }
  }
  var originalFetch = window.fetch;
  window.fetch = function (input, init) {
    note(typeof input === 'string' || input instanceof URL ? input : input && input.url);
    return originalFetch.apply(this, arguments);
  };
  if (navigator.sendBeacon) {
    var originalBeacon = navigator.sendBeacon.bind(navigator);
    navigator.sendBeacon = function (url, data) {
      var queued = originalBeacon(url, data);
      if (queued) note(url);
      return queued;
    };
  }

  // The deflate worker: writes posted and not yet answered ('wrote'). A flushed segment is posted
  // once the SDK's own listener has its last 'wrote' (ours is added after it, on the first write).
  var pendingWrites = 0;
  var idleWaiters = [];
  var workerErrors = [];
  function settle() {
    if (pendingWrites > 0) return;
    idleWaiters.splice(0).forEach(function (resolve) { resolve(); });
  }
  var OriginalWorker = window.Worker;
  if (OriginalWorker) {
    var TrackedWorker = function (url, options) {
      var worker = new OriginalWorker(url, options);
      var listening = false;
      var post = worker.postMessage.bind(worker);
      worker.addEventListener('error', function (event) { workerErrors.push(String(event && event.message)); });
      worker.postMessage = function (message) {
        if (message && message.action === 'write') {
          if (!listening) {
            listening = true;
            worker.addEventListener('message', function (event) {
              if (event.data && event.data.type === 'wrote') {
                pendingWrites = Math.max(0, pendingWrites - 1);
                settle();
              } else if (event.data && event.data.type === 'errored') {
                workerErrors.push(String(event.data.error));
                pendingWrites = 0;
                settle();
              }
            });
          }
          pendingWrites++;
        }
        return post.apply(worker, arguments);
      };
      return worker;
    };
    TrackedWorker.prototype = OriginalWorker.prototype;
    window.Worker = TrackedWorker;
  }
  function workerIdle() {
    if (pendingWrites === 0) return Promise.resolve();
    return new Promise(function (resolve) { idleWaiters.push(resolve); });
  }

  // A JSON config cannot hold a RegExp: {"regexp": "..."} stands for one.
  var options = Object.assign({}, config.options);
  ['allowedTracingUrls', 'excludedActivityUrls'].forEach(function (key) {
    if (options[key]) options[key] = options[key].map(function (value) { return typeof value === 'string' ? value : new RegExp(value.regexp); });
  });
  datadogRum.init(
    Object.assign(options, config.harnessOptions, {
      applicationId: config.applicationId,
      clientToken: config.clientToken,
      proxy: config.proxy,
    }),
  );

  function setVisibility(state) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: function () { return state; } });
    Object.defineProperty(document, 'hidden', { configurable: true, get: function () { return state === 'hidden'; } });
    // The SDK ignores untrusted events (js-core addEventListener) unless they carry its own
    // `__ddIsTrusted` marker, which it sets on the synthetic events it dispatches itself.
    var event = new Event('visibilitychange', { bubbles: true });
    event.__ddIsTrusted = true;
    document.dispatchEvent(event);
  }

  window.__maskproofVendor = {
    name: 'datadog',
    /** The SDK itself, for debugging and for fixtures/vendor-payloads/datadog/capture.mjs. */
    sdk: datadogRum,
    /**
     * Sends what the SDK holds, the way it does when the user switches tab: the page reads hidden
     * (the SDK flushes pending mutations, ends the replay segment, compresses it in its worker and
     * posts it; RUM and logs batches go out), then visible again. Resolves with the dd-request-id of
     * every request sent since the last flush, once the worker has answered every write.
     */
    flush: function () {
      setVisibility('hidden');
      setVisibility('visible');
      delete document.visibilityState;
      delete document.hidden;
      return workerIdle().then(function () {
        return { requests: sent.splice(0), workerErrors: workerErrors.slice() };
      });
    },
  };
})(window.__maskproofVendorConfig);
