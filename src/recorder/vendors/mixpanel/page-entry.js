// Runs in the page, bundled by esbuild: starts mixpanel-browser (its default build: the module entry
// imports the recorder, so nothing is lazy-loaded from Mixpanel's CDN) with the options of
// maskproof's recorder config, and exposes the flush the harness calls. The API host is made up and
// intercepted by the harness, so nothing leaves the machine.
import mixpanel from 'mixpanel-browser';

(function startMixpanel(config) {
  // A JSON config cannot hold a RegExp: {"regexp": "..."} stands for one.
  var options = Object.assign({}, config.options);
  ['record_block_class', 'record_mask_text_class'].forEach(function (key) {
    if (options[key] && typeof options[key] === 'object') options[key] = new RegExp(options[key].regexp);
  });
  mixpanel.init(config.token, Object.assign(options, config.harnessOptions, { api_host: config.apiHost }));

  /** What the recorder holds and has not sent yet (its batcher's queue in memory). */
  function pending(recording) {
    var queue = recording.batcher && recording.batcher.queue;
    return queue && queue.memQueue ? queue.memQueue.length : 0;
  }

  window.__maskproofVendor = {
    name: 'mixpanel',
    /** The SDK itself, for debugging and for the capture scripts. */
    sdk: mixpanel,
    /**
     * Sends what the recorder holds now instead of at its next 10 s tick. mixpanel-browser has no
     * flush on visibilitychange or pagehide, and no public flush: its recorder's batcher flushes
     * only on its interval (session-recording.js, flushOnlyOnInterval). Its own batcher.flush() is what
     * that interval calls; it resolves once the /record request was answered. Events reach the batcher's
     * queue through a 250 ms throttled write (RECORD_ENQUEUE_THROTTLE_MS): that write is awaited
     * first. A batcher the SDK stopped (record_min_ms not reached yet) is left as the SDK decided.
     */
    flush: async function () {
      var recorder = typeof mixpanel.__get_recorder === 'function' ? mixpanel.__get_recorder() : null;
      var recording = recorder && recorder.activeRecording;
      if (!recording || !recording.batcher || recording.batcher.stopped) return { sent: false };
      for (var round = 0; round < 5; round++) {
        await recording.__enqueuePromise;
        if (recording.batcher.requestInProgress && recording.batcher._flushPromise) await recording.batcher._flushPromise;
        await recording.batcher.flush();
        if (pending(recording) === 0) break;
      }
      return { sent: true };
    },
  };
})(window.__maskproofVendorConfig);
