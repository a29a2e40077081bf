// Runs in the page, bundled by esbuild: starts @sentry/browser with Session Replay from the options
// in maskproof's recorder config, and exposes the flush the harness calls. The DSN's host is made up
// and intercepted by the harness, so nothing leaves the machine.
import { flush, getReplay, init, replayIntegration } from '@sentry/browser';

(function startSentry(config) {
  // A JSON config cannot hold a RegExp: {"regexp": "..."} stands for one.
  function pattern(value) {
    return typeof value === 'string' ? value : new RegExp(value.regexp);
  }
  var replayOptions = Object.assign({}, config.replay);
  ['networkDetailAllowUrls', 'networkDetailDenyUrls'].forEach(function (key) {
    if (replayOptions[key]) replayOptions[key] = replayOptions[key].map(pattern);
  });
  init(
    Object.assign({}, config.init, {
      dsn: config.dsn,
      // Record every session, so that each journey produces a replay.
      replaysSessionSampleRate: 1.0,
      replaysOnErrorSampleRate: 1.0,
      integrations: [replayIntegration(Object.assign({}, replayOptions, config.harnessReplay))],
    }),
  );

  window.__maskproofVendor = {
    name: 'sentry',
    /** Sends what the replay holds (the SDK's own flush), then waits for every queued envelope. */
    flush: async function () {
      var replay = getReplay();
      if (replay) {
        // A flush already in progress only awaits the send under way; the second sends the rest.
        await replay.flush();
        await replay.flush();
      }
      await flush(10000);
    },
  };
})(window.__maskproofVendorConfig);
