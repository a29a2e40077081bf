// maskproof's recorder wrapper, injected into the page after rrweb's browser bundle.
// It starts rrweb with the config's privacy options and enforces the policy rrweb has no option for:
// routes where recording must never run, a network recorder (fetch/XHR as custom events, scrubbed
// as configured, the way Sentry's networkRequestHeaders / networkDetailAllowUrls work), and errors
// recorded as custom events masked like page text. policy.collection adds when it may record at all:
// after consent (and not after its withdrawal), never with the opt-out cookie, sessions sent only once
// long enough, page URLs without query string or fragment, and only the sampled share of sessions.
// Events leave the page in batches through the binding the harness exposes: each call is one
// "ingest request", the equivalent of a vendor SDK's POST to its ingest endpoint.
// Runs as a plain script; the harness replaces the config placeholder on the last line with JSON.
(function maskproofRecorder(config) {
  'use strict';
  var rrweb = window.rrweb;
  var INGEST = '__maskproofIngest';
  var neverRecordOn = config.policy.neverRecordOn.map(function (source) { return new RegExp(source); });
  var network = config.policy.network;
  var errors = config.policy.errors;
  // When the recorder may collect at all (absent: from page load, as before).
  var collection = config.policy.collection || {};
  var consent = collection.consent || { required: false };
  var consentGranted = !consent.required || storedConsent() === 'granted';
  // Session sampling (absent: 1, every session): decided once, before anything could start rrweb.
  var sampleRate = typeof collection.sampleRate === 'number' ? collection.sampleRate : 1;
  var sampledIn = sampleRate >= 1 || sessionDraw() < sampleRate;

  var stopRecording = null;
  // True from rrweb.record() until stop(): rrweb emits its first events inside record(), before it returns.
  var recording = false;
  var pending = [];
  var delivered = Promise.resolve();

  // --- collection controls: consent, opt-out cookie, URL stripping, minimum session -----------------
  // The banner's decision from an earlier page load (CMPs keep it in storage).
  function storedConsent() {
    if (!consent.storageKey) return null;
    try { return window.localStorage.getItem(consent.storageKey); } catch (e) { return null; }
  }

  function optedOut() {
    if (!collection.optOutCookie) return false;
    var prefix = collection.optOutCookie + '=';
    return document.cookie.split(';').some(function (part) {
      var trimmed = part.trim();
      if (trimmed.indexOf(prefix) !== 0) return false;
      var value = decodeURIComponent(trimmed.slice(prefix.length));
      return value !== '' && value !== '0' && value !== 'false';
    });
  }

  function mayCollect() {
    return sampledIn && consentGranted && !optedOut();
  }

  // The session's draw in [0, 1): FNV-1a of its id. The id lives in sessionStorage (one per tab, kept
  // across its page loads), so a session is recorded on every page or on none; the harness passes a seed
  // for it (config.sessionSeed), so a run with the same --seed draws the same. Only read when rate < 1.
  function sessionDraw() {
    var id = sessionId();
    var hash = 0x811c9dc5;
    for (var i = 0; i < id.length; i++) {
      hash ^= id.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193);
    }
    return (hash >>> 0) / 4294967296;
  }

  function sessionId() {
    var key = '__maskproofSession';
    var fresh = config.sessionSeed || String(Math.random()).slice(2) + String(Date.now());
    try {
      var id = window.sessionStorage.getItem(key);
      if (!id) window.sessionStorage.setItem(key, (id = fresh));
      return id;
    } catch (e) {
      // No sessionStorage (sandboxed frame, blocked storage): the seed, or a draw for this page alone.
      return fresh;
    }
  }

  // The page URL as it may be recorded: query string and fragment dropped when the policy says so.
  function recordedUrl(href) {
    if (!collection.stripUrlQuery && !collection.stripUrlHash) return href;
    var url;
    try { url = new URL(href); } catch (e) { return href; }
    if (collection.stripUrlQuery) url.search = '';
    if (collection.stripUrlHash) url.hash = '';
    return url.href;
  }

  // Minimum session length: the recorder sends nothing on its own until the session (from the moment
  // recording started on this page) is minSessionMs old. The clock is the page's, so a test can move it.
  var minSessionMs = collection.minSessionMs || 0;
  var sessionStartedAt = null;

  function sessionTooShort() {
    return minSessionMs > 0 && (sessionStartedAt === null || Date.now() - sessionStartedAt < minSessionMs);
  }

  function startSessionClock() {
    if (sessionStartedAt !== null || minSessionMs <= 0) return;
    sessionStartedAt = Date.now();
    // Once the session is long enough, send what it held.
    setTimeout(function () { deliver(); }, minSessionMs);
  }

  function routeIsBlocked() {
    return neverRecordOn.some(function (pattern) { return pattern.test(location.pathname); });
  }

  // The same masking rrweb applies to text: every non-space character becomes '*'.
  function maskText(text) {
    return String(text).replace(/\S/g, '*');
  }

  // The recorder's own deliveries (batches, URL changes, withdrawal): held while the session is too short.
  function deliver() {
    return sessionTooShort() ? delivered : flush();
  }

  // Resolves once every batch emitted so far has reached the harness. Also the harness's delivery hook
  // (window.__maskproof.flush, like Sentry's replay.flush()), which sends what is held regardless.
  function flush() {
    if (pending.length > 0 && typeof window[INGEST] === 'function') {
      var batch = { url: recordedUrl(location.href), events: pending };
      pending = [];
      var call = window[INGEST](batch);
      delivered = Promise.all([delivered, call]).then(function () {});
    }
    return delivered;
  }

  var flushScheduled = false;
  function emit(event) {
    // rrweb can emit a throttled batch (mouse moves) after stop(): nothing is kept once recording stopped.
    if (!recording) return;
    // Meta events carry the page URL (rrweb type 4).
    if (event.type === 4 && event.data && typeof event.data.href === 'string') event.data.href = recordedUrl(event.data.href);
    pending.push(event);
    if (flushScheduled) return;
    flushScheduled = true;
    // Batch what one task emits into one ingest call.
    setTimeout(function () { flushScheduled = false; deliver(); }, 0);
  }

  function start() {
    if (stopRecording || routeIsBlocked() || !mayCollect()) return;
    var options = Object.assign({}, config.rrweb, { emit: emit });
    startSessionClock();
    recording = true;
    stopRecording = rrweb.record(options) || null;
    recording = stopRecording !== null;
  }

  function stop() {
    if (!stopRecording) return;
    var stopFn = stopRecording;
    stopRecording = null;
    recording = false;
    stopFn();
  }

  function addCustomEvent(tag, payload) {
    if (!stopRecording) return;
    rrweb.record.addCustomEvent(tag, payload);
  }

  // --- routes: stop before a blocked route renders, also on client-side navigation -----------------
  function onUrlChange() {
    if (routeIsBlocked()) stop();
    else start();
  }
  ['pushState', 'replaceState'].forEach(function (name) {
    var original = history[name];
    history[name] = function () {
      // Deliver what was recorded on the old URL before the URL changes.
      deliver();
      var result = original.apply(this, arguments);
      onUrlChange();
      return result;
    };
  });
  window.addEventListener('popstate', onUrlChange);
  window.addEventListener('hashchange', onUrlChange);
  window.addEventListener('pagehide', function () {
    // A session that ends before the minimum is never sent: what it holds is dropped.
    if (sessionTooShort()) pending = [];
    else flush();
  });

  // --- network --------------------------------------------------------------------------------------
  var scrubAll = network.scrubQueryParams === 'all';
  var scrubbed = scrubAll ? [] : network.scrubQueryParams.map(function (name) { return name.toLowerCase(); });

  function scrubUrl(raw) {
    var url;
    try { url = new URL(raw, location.href); } catch (e) { return String(raw); }
    var keys = [];
    url.searchParams.forEach(function (_value, key) { keys.push(key); });
    keys.forEach(function (key) {
      if (scrubAll || scrubbed.indexOf(key.toLowerCase()) !== -1) url.searchParams.set(key, '[Filtered]');
    });
    return url.href;
  }

  function keepHeaders(headers, allowed) {
    var kept = {};
    var all = allowed === 'all';
    var names = all ? [] : allowed.map(function (name) { return name.toLowerCase(); });
    Object.keys(headers).forEach(function (name) {
      var lower = name.toLowerCase();
      if (all || names.indexOf(lower) !== -1) kept[lower] = headers[name];
    });
    return kept;
  }

  function headersToObject(headers) {
    var out = {};
    if (!headers) return out;
    if (typeof headers.forEach === 'function' && !Array.isArray(headers)) {
      headers.forEach(function (value, name) { out[name] = value; });
    } else if (Array.isArray(headers)) {
      headers.forEach(function (pair) { out[pair[0]] = pair[1]; });
    } else {
      Object.keys(headers).forEach(function (name) { out[name] = String(headers[name]); });
    }
    return out;
  }

  function parseRawHeaders(raw) {
    var out = {};
    String(raw || '').trim().split(/[\r\n]+/).forEach(function (line) {
      var at = line.indexOf(':');
      if (at > 0) out[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    });
    return out;
  }

  function bodyText(body) {
    if (body == null) return undefined;
    if (typeof body === 'string') return body.slice(0, 10000);
    if (body instanceof URLSearchParams) return body.toString().slice(0, 10000);
    return '[' + (body.constructor && body.constructor.name || 'binary') + ' body]';
  }

  function recordRequest(request) {
    if (!network.record) return;
    var payload = {
      method: request.method,
      url: scrubUrl(request.url),
      status: request.status,
      startTimestamp: request.start,
      endTimestamp: Date.now(),
      request: { headers: keepHeaders(request.requestHeaders, network.requestHeaders) },
      response: { headers: keepHeaders(request.responseHeaders, network.responseHeaders) },
      initiator: request.initiator,
    };
    if (network.bodies) {
      payload.request.body = request.requestBody;
      payload.response.body = request.responseBody;
    }
    if (network.cookies) payload.request.cookies = document.cookie;
    addCustomEvent('maskproof/network', payload);
  }

  if (network.record && typeof window.fetch === 'function') {
    var originalFetch = window.fetch;
    window.fetch = function (input, init) {
      var start = Date.now();
      var isRequest = typeof Request !== 'undefined' && input instanceof Request;
      var url = isRequest ? input.url : String(input);
      var method = ((init && init.method) || (isRequest ? input.method : 'GET')).toUpperCase();
      var requestHeaders = headersToObject((init && init.headers) || (isRequest ? input.headers : undefined));
      var requestBody = bodyText(init && init.body);
      return originalFetch.apply(this, arguments).then(function (response) {
        var done = function (responseBody) {
          recordRequest({
            initiator: 'fetch', method: method, url: url, status: response.status, start: start,
            requestHeaders: requestHeaders, responseHeaders: headersToObject(response.headers),
            requestBody: requestBody, responseBody: responseBody,
          });
        };
        if (network.bodies) {
          response.clone().text().then(function (text) { done(text.slice(0, 10000)); }, function () { done(undefined); });
        } else {
          done(undefined);
        }
        return response;
      });
    };
  }

  if (network.record && typeof XMLHttpRequest !== 'undefined') {
    var proto = XMLHttpRequest.prototype;
    var originalOpen = proto.open;
    var originalSend = proto.send;
    var originalSetHeader = proto.setRequestHeader;
    proto.open = function (method, url) {
      this.__maskproof = { method: String(method).toUpperCase(), url: String(url), headers: {} };
      return originalOpen.apply(this, arguments);
    };
    proto.setRequestHeader = function (name, value) {
      if (this.__maskproof) this.__maskproof.headers[name] = value;
      return originalSetHeader.apply(this, arguments);
    };
    proto.send = function (body) {
      var xhr = this;
      var info = xhr.__maskproof;
      if (info) {
        var start = Date.now();
        xhr.addEventListener('loadend', function () {
          var responseBody;
          try { responseBody = xhr.responseType === '' || xhr.responseType === 'text' ? String(xhr.responseText).slice(0, 10000) : undefined; } catch (e) { responseBody = undefined; }
          recordRequest({
            initiator: 'xhr', method: info.method, url: info.url, status: xhr.status, start: start,
            requestHeaders: info.headers, responseHeaders: parseRawHeaders(xhr.getAllResponseHeaders()),
            requestBody: bodyText(body), responseBody: responseBody,
          });
        });
      }
      return originalSend.apply(this, arguments);
    };
  }

  // --- errors ---------------------------------------------------------------------------------------
  function errorText(text) {
    return errors.maskMessages ? maskText(text) : String(text);
  }

  function stackText(stack, message) {
    if (!stack) return undefined;
    // The first line of a V8 stack repeats the message: mask it like the message.
    return errors.maskMessages && message ? String(stack).split(String(message)).join(maskText(message)) : String(stack);
  }

  if (errors.record) {
    window.addEventListener('error', function (event) {
      var error = event.error;
      var message = error && error.message !== undefined ? error.message : event.message;
      addCustomEvent('maskproof/error', {
        kind: 'uncaught',
        name: error && error.name ? error.name : 'Error',
        message: errorText(message),
        stack: stackText(error && error.stack, message),
        source: event.filename ? scrubUrl(event.filename) : undefined,
        line: event.lineno,
      });
    });
    window.addEventListener('unhandledrejection', function (event) {
      var reason = event.reason;
      var message = reason && reason.message !== undefined ? reason.message : String(reason);
      addCustomEvent('maskproof/error', {
        kind: 'unhandledrejection',
        name: reason && reason.name ? reason.name : 'Error',
        message: errorText(message),
        stack: stackText(reason && reason.stack, message),
      });
    });
    var originalConsoleError = console.error;
    console.error = function () {
      var parts = Array.prototype.map.call(arguments, function (arg) {
        return arg instanceof Error ? arg.name + ': ' + arg.message : typeof arg === 'string' ? arg : safeJson(arg);
      });
      addCustomEvent('maskproof/console', { level: 'error', message: errorText(parts.join(' ')) });
      return originalConsoleError.apply(this, arguments);
    };
  }

  function safeJson(value) {
    try { return JSON.stringify(value); } catch (e) { return String(value); }
  }

  // Consent arrives and leaves as window events, the way consent banners announce it.
  if (consent.grantedEvent) {
    window.addEventListener(consent.grantedEvent, function () { consentGranted = true; start(); });
  }
  if (consent.withdrawnEvent) {
    // Stop first, then deliver what was recorded while consent held; nothing after.
    window.addEventListener(consent.withdrawnEvent, function () { consentGranted = false; stop(); deliver(); });
  }

  window.__maskproof = {
    flush: flush,
    isRecording: function () { return stopRecording !== null; },
    collectionState: function () {
      if (!sampledIn) return 'sampled-out';
      if (!consentGranted) return 'awaiting-consent';
      if (optedOut()) return 'opted-out';
      return stopRecording ? 'recording' : 'stopped';
    },
  };

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
})(__MASKPROOF_CONFIG__);
