// Runs in the page, bundled by esbuild: starts the New Relic browser agent (the full BrowserAgent
// loader from @newrelic/browser-agent, every feature included, its lazy chunks inlined by the bundler)
// with the init options of maskproof's recorder config, and exposes the flush the harness calls. The
// beacon host is made up and intercepted by the harness, which also answers the agent's RUM call with
// the flags New Relic's server sends for an app with session replay on, so nothing leaves the machine.
import { BrowserAgent } from '@newrelic/browser-agent/loaders/browser-agent';
import { record } from '@newrelic/rrweb';

(function startNewRelic(config) {
  var init = Object.assign({}, config.init);
  // A JSON config cannot hold a RegExp: {"regexp": "..."} stands for one in obfuscate rules.
  if (Array.isArray(init.obfuscate)) {
    init.obfuscate = init.obfuscate.map(function (rule) {
      var regex = rule.regex && typeof rule.regex === 'object' ? new RegExp(rule.regex.regexp, 'g') : rule.regex;
      return { regex: regex, replacement: rule.replacement, eventFilter: rule.eventFilter };
    });
  }
  // The harness's: replay on (the code ships it off), the beacon pointed at the intercepted host.
  init.session_replay = Object.assign({}, init.session_replay, config.harnessInit.session_replay);
  init.proxy = Object.assign({}, init.proxy, config.harnessInit.proxy);
  var agent = new BrowserAgent({ init: init, info: config.info, loader_config: config.loaderConfig });

  /** Every harvest's answer (postHarvestCleanup runs once the XHR ended, i.e. once the harness answered it). */
  var waiting = new Map();
  function hooked(aggregate) {
    if (aggregate.__maskproofHooked) return;
    aggregate.__maskproofHooked = true;
    var original = aggregate.postHarvestCleanup;
    aggregate.postHarvestCleanup = function () {
      try {
        return original.apply(this, arguments);
      } finally {
        // Every flush waiting on this feature (two can overlap: a page's unload flush and the harness's).
        var resolvers = waiting.get(aggregate) || [];
        waiting.delete(aggregate);
        resolvers.forEach(function (resolve) { resolve(); });
      }
    };
  }

  function holdsMarker(recorder, markerId) {
    if (!recorder || typeof recorder.getEvents !== 'function') return false;
    return recorder.getEvents().events.some(function (event) {
      return event && event.type === 5 && event.data && event.data.tag === 'maskproof/flush-marker' && event.data.payload && event.data.payload.id === markerId;
    });
  }

  window.__maskproofVendor = {
    name: 'newrelic',
    /** The agent itself, for debugging and for fixtures/vendor-payloads/newrelic/capture.ts. */
    sdk: agent,
    /**
     * Sends what the agent holds, as its own harvest timer would (Harvester.triggerHarvestFor on every
     * aggregate but the page view's RUM call): the replay with a marker event appended last, so the
     * harness knows the replay payload it waits for holds everything recorded before the flush. Resolves
     * once each harvest request was answered. Returns whether the marker went into the replay.
     */
    flush: function (markerId) {
      var harvester = agent.runtime && agent.runtime.harvester;
      if (!harvester) return Promise.resolve({ replay: false });
      var replay = agent.features && agent.features.session_replay && agent.features.session_replay.featAggregate;
      var marked = false;
      if (replay && replay.mode === 1 && agent.runtime.isRecording && !replay.blocked) {
        try {
          record.addCustomEvent('maskproof/flush-marker', { id: markerId });
          marked = true;
        } catch (e) {
          marked = false;
        }
      }
      // As the agent's own end-of-life harvest does first (Harvester.startTimer, subscribeToEOL): let
      // every feature wrap up, e.g. soft navigations hands back the errors and AJAX events it holds
      // for an interaction still in progress (it would keep them up to 30 s otherwise).
      harvester.initializedAggregates.forEach(function (aggregate) {
        if (aggregate.harvestOpts && typeof aggregate.harvestOpts.beforeUnload === 'function') aggregate.harvestOpts.beforeUnload();
      });
      var sends = [];
      var replaySent = false;
      harvester.initializedAggregates.forEach(function (aggregate) {
        if (aggregate.featureName === 'page_view_event') return;
        hooked(aggregate);
        var resolveAnswered;
        var answered = new Promise(function (resolve) { resolveAnswered = resolve; });
        waiting.set(aggregate, (waiting.get(aggregate) || []).concat([resolveAnswered]));
        var output = harvester.triggerHarvestFor(aggregate);
        if (output && output.ranSend) {
          sends.push(answered);
          // The marker went out only if the harvest took it (an event stored while the recorder is
          // fixing a stylesheet, or still buffered before the feature drained, stays behind).
          if (aggregate === replay) replaySent = marked && !holdsMarker(replay.recorder, markerId);
        } else {
          var left = (waiting.get(aggregate) || []).filter(function (resolve) { return resolve !== resolveAnswered; });
          if (left.length) waiting.set(aggregate, left);
          else waiting.delete(aggregate);
        }
      });
      return Promise.all(sends).then(function () { return { replay: replaySent }; });
    },
  };
})(window.__maskproofVendorConfig);
