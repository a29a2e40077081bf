// Runs in the page, bundled by esbuild: starts the standalone @amplitude/session-replay-browser with
// the options of maskproof's recorder config, and exposes the flush the harness calls. Its remote
// config endpoint and its ingest are on a made-up host that the harness answers (the remote config
// FROM the recorder config's "remoteConfig"), so nothing leaves the machine.
//
// The SDK's own instance class, not the module's default instance: the same code (the package's
// default export is `new SessionReplay()` behind a debug wrapper), reachable for the flush below.
import { SessionReplay } from '@amplitude/session-replay-browser/lib/esm/session-replay';

(function startAmplitude(config) {
  var sessionReplay = new SessionReplay();
  var ready = sessionReplay.init(config.apiKey, Object.assign({}, config.options, config.harnessOptions)).promise;

  window.__maskproofVendor = {
    name: 'amplitude',
    /** The SDK itself, for debugging and for the capture scripts. */
    sdk: sessionReplay,
    /**
     * Sends what the SDK holds, the way its own window-blur handler does (blurListener -> sendEvents:
     * the current sequence goes to the track destination), after draining its idle-time compression
     * queue as its page-leave handler does (eventCompressor.flushQueue), then awaits the track
     * destination's own flush. A marker custom event goes first into the recording: the harness waits
     * until it has arrived, and so everything recorded before it. Returns whether a marker was sent
     * (none when the SDK is not recording: capture off by the remote config, not sampled).
     */
    flush: async function (markerId) {
      await ready;
      var recording = !!(sessionReplay.recordCancelCallback && sessionReplay.recordFunction);
      if (recording) sessionReplay.recordFunction.addCustomEvent('maskproof/flush-marker', { id: markerId });
      if (sessionReplay.eventCompressor) sessionReplay.eventCompressor.flushQueue();
      sessionReplay.sendEvents();
      await sessionReplay.flush(false);
      return { recording: recording };
    },
  };
})(window.__maskproofVendorConfig);
