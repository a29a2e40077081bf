// Finds, in a rendered document, the regions where a replay must not show what the page shows:
// text and inputs the recorder config masks, elements it blocks, and anywhere a planted value is
// drawn. Runs in the browser: on the live page, and on the document rrweb's Replayer rebuilt (so
// that the masked text's own boxes, "****" of another width, are known too).
// A plain function, evaluated from its source: no transpiler helpers may leak into it.
// Returns rectangles in CSS pixels relative to the document's viewport, clipped to it.
// Labels name elements (#id, tag.class), never the text or value they hold.
function maskproofRegions(spec, doc) {
  'use strict';
  var view = doc.defaultView;
  // The layout viewport: on a mobile page wider than the screen, innerWidth is the zoomed-out width,
  // while the screenshot shows the layout viewport.
  var width = doc.documentElement.clientWidth || view.innerWidth;
  var height = doc.documentElement.clientHeight || view.innerHeight;
  var regions = [];
  var planted = spec.plantedValues
    .filter(function (value) { return typeof value === 'string' && value.trim().length >= 3; })
    .map(function (value) { return value.toLowerCase(); });

  function clip(r) {
    var x = Math.max(0, r.left);
    var y = Math.max(0, r.top);
    var right = Math.min(width, r.right);
    var bottom = Math.min(height, r.bottom);
    if (right - x < 1 || bottom - y < 1) return null;
    return { x: Math.floor(x), y: Math.floor(y), width: Math.ceil(right - Math.floor(x)), height: Math.ceil(bottom - Math.floor(y)) };
  }

  // Number of steps up to the nearest ancestor (or self) matching, -1 if none; a bad selector matches nothing.
  function distance(el, selector) {
    if (!selector) return -1;
    var steps = 0;
    for (var node = el; node; node = node.parentElement, steps++) {
      try {
        if (node.matches(selector)) return steps;
      } catch (e) {
        return -1;
      }
    }
    return -1;
  }

  function matches(el, selector) {
    return distance(el, selector) === 0;
  }

  // rrweb's needMaskingText, with Sentry's unmask rule (the nearer of mask and unmask wins).
  function textMasked(el) {
    var maskDistance = distance(el, spec.maskText);
    var unmaskDistance = distance(el, spec.unmaskText);
    if (maskDistance >= 0) return unmaskDistance >= 0 ? maskDistance <= unmaskDistance : true;
    return unmaskDistance >= 0 ? false : spec.maskAllText;
  }

  function describe(el) {
    if (el.id) return '#' + el.id;
    var tag = el.tagName.toLowerCase();
    var cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/)[0] : '';
    var anchor = el.parentElement ? el.parentElement.closest('[id]') : null;
    return (anchor ? '#' + anchor.id + ' ' : '') + tag + cls;
  }

  function containsPlanted(text) {
    var lower = String(text).toLowerCase();
    return planted.some(function (value) { return lower.indexOf(value) !== -1; });
  }

  function push(kind, on, label, rect, valueRect, hasValue, isPlanted, node) {
    if (!rect) return;
    regions.push({ kind: kind, on: on, label: label, rect: rect, valueRect: valueRect || rect, hasValue: hasValue, planted: isPlanted, node: node || null });
  }

  // A page on a never-recorded route cannot be a faithful replay: all of it is left out of the
  // outside comparison, and the planted values on it (found below) must not show in the replay.
  var viewport = { x: 0, y: 0, width: width, height: height };
  if (spec.routeUnrecorded) push('unrecorded-route', 'page', view.location.pathname, viewport, viewport, false, false);

  // Blocked elements: the outermost match stands for its subtree.
  var blocked = [];
  if (spec.block) {
    var candidates = [];
    try { candidates = Array.prototype.slice.call(doc.querySelectorAll(spec.block)); } catch (e) { candidates = []; }
    candidates.forEach(function (el) {
      if (el.parentElement && distance(el.parentElement, spec.block) >= 0) return;
      blocked.push(el);
      var hasContent = (el.textContent || '').trim() !== '' || el.matches('img, svg, video, canvas, picture, object, embed') || !!el.querySelector('img, svg, video, canvas');
      push('blocked', 'element', describe(el), clip(el.getBoundingClientRect()), null, hasContent, containsPlanted(el.textContent || ''), maskproofLocator(el, null));
    });
  }
  function insideBlocked(node) {
    return blocked.some(function (el) { return el.contains(node); });
  }

  // Form fields: masked by type or tag, ignored, password, or holding a planted value.
  var skippedTypes = ['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'file', 'range', 'color'];
  Array.prototype.forEach.call(doc.querySelectorAll('input, textarea, select'), function (el) {
    if (insideBlocked(el)) return;
    var tag = el.tagName.toLowerCase();
    var type = tag === 'input' ? (el.getAttribute('type') || 'text').toLowerCase() : tag;
    if (skippedTypes.indexOf(type) !== -1) return;
    var box = el.getBoundingClientRect();
    var rect = clip(box);
    if (!rect) return;
    var value = tag === 'select' ? (el.selectedOptions[0] ? el.selectedOptions[0].text : '') : el.value;
    var masks = spec.maskInputs;
    var masked = masks === 'all' || masks.indexOf(type) !== -1 || masks.indexOf(tag) !== -1 || matches(el, spec.ignoreInputs);
    var isPassword = type === 'password';
    var isPlanted = value !== '' && containsPlanted(value);
    if (!masked && !isPassword && !isPlanted) return;
    // The value is drawn inside the content box: leave borders and focus rings out of the check.
    var content = clip(maskproofContentBox(el)) || rect;
    // A password field never shows its value (dots), so there is nothing the replay must hide there.
    var kind = isPassword ? 'password' : masked ? 'masked-input' : 'planted-value';
    push(kind, 'field', describe(el), rect, content, !isPassword && value !== '', isPlanted, maskproofLocator(el, null));
  });

  // Text: masked text nodes (each line box), and planted values inside unmasked text.
  // Punctuation and symbols are not a value: a masked "·" may well look like "*".
  var valueLike = /[\p{L}\p{N}]/u;
  var skippedParents = ['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'OPTION', 'TITLE', 'SELECT'];
  var walker = doc.createTreeWalker(doc.body || doc.documentElement, view.NodeFilter.SHOW_TEXT);
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    var parent = node.parentElement;
    var text = node.data;
    if (!parent || skippedParents.indexOf(parent.tagName) !== -1 || !text.trim() || insideBlocked(node)) continue;
    var label = describe(parent);
    var lower = text.toLowerCase();
    if (textMasked(parent)) {
      var range = doc.createRange();
      range.selectNodeContents(node);
      var isPlanted = containsPlanted(text);
      Array.prototype.forEach.call(range.getClientRects(), function (r, line) {
        push('masked-text', 'text', label, clip(r), null, valueLike.test(text), isPlanted, maskproofLocator(parent, { node: node, start: 0, end: text.length, line: line }));
      });
      continue;
    }
    planted.forEach(function (value) {
      for (var at = lower.indexOf(value); at !== -1; at = lower.indexOf(value, at + value.length)) {
        var found = doc.createRange();
        found.setStart(node, at);
        found.setEnd(node, at + value.length);
        Array.prototype.forEach.call(found.getClientRects(), function (r, line) {
          push('planted-value', 'text', label, clip(r), null, true, true, maskproofLocator(parent, { node: node, start: at, end: at + value.length, line: line }));
        });
      }
    });
  }
  return { viewport: { width: width, height: height }, path: view.location.pathname, regions: regions };
}

// Where a region's node sits in the document, in terms that survive a recording and its replay:
// the nearest ancestor (or self) with a unique id, then the element-child steps down from it (or from
// <body>), counting no script, style or other element a replay rewrites; for text, the index of the
// text node among its parent's non-blank text nodes, the character range and the line box.
// rrweb rebuilds the recorded DOM node for node, so the replayed node is found by the same steps:
// this works whether maskproof's recorder or the app's own recorder made the recording.
var MASKPROOF_SKIPPED_TAGS = ['SCRIPT', 'NOSCRIPT', 'STYLE', 'LINK', 'META', 'TEMPLATE'];

function maskproofElementIndex(el) {
  var index = 0;
  for (var sibling = el.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
    if (MASKPROOF_SKIPPED_TAGS.indexOf(sibling.tagName) === -1) index++;
  }
  return index;
}

function maskproofTextNodes(parent) {
  return Array.prototype.filter.call(parent.childNodes, function (child) {
    return child.nodeType === 3 && child.data.trim() !== '';
  });
}

function maskproofLocator(el, text) {
  var doc = el.ownerDocument;
  var steps = [];
  var anchor = null;
  for (var node = el; node && node !== doc.body && node !== doc.documentElement; node = node.parentElement) {
    if (node.id && doc.getElementById(node.id) === node && doc.querySelectorAll('[id="' + node.id.replace(/["\\]/g, '\\$&') + '"]').length === 1) {
      anchor = node.id;
      break;
    }
    steps.push(maskproofElementIndex(node));
  }
  var locator = { anchor: anchor, steps: steps.reverse(), tag: el.tagName.toLowerCase(), text: null, start: 0, end: 0, line: 0 };
  if (text) {
    locator.text = maskproofTextNodes(el).indexOf(text.node);
    locator.start = text.start;
    locator.end = text.end;
    locator.line = text.line;
  }
  return locator;
}

function maskproofContentBox(el) {
  var box = el.getBoundingClientRect();
  var style = el.ownerDocument.defaultView.getComputedStyle(el);
  return {
    left: box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft),
    top: box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop),
    right: box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight),
    bottom: box.bottom - parseFloat(style.borderBottomWidth) - parseFloat(style.paddingBottom),
  };
}

// Finds each locator's node in `doc` (the replay's rebuilt document) and where its value is drawn
// there: { rect, valueRect } in the same CSS-pixel terms as maskproofRegions, unclipped, or null
// when the node is not in the document (never recorded, or not rebuilt the same way).
function maskproofLocate(locators, doc) {
  'use strict';
  function element(locator) {
    var node = locator.anchor ? doc.getElementById(locator.anchor) : doc.body;
    for (var i = 0; node && i < locator.steps.length; i++) {
      var wanted = locator.steps[i];
      var child = null;
      for (var c = node.firstElementChild, index = 0; c; c = c.nextElementSibling) {
        if (MASKPROOF_SKIPPED_TAGS.indexOf(c.tagName) !== -1) continue;
        if (index === wanted) { child = c; break; }
        index++;
      }
      node = child;
    }
    return node && node.tagName.toLowerCase() === locator.tag ? node : null;
  }
  function plain(r) {
    return { x: r.left, y: r.top, width: r.right - r.left, height: r.bottom - r.top };
  }
  return locators.map(function (locator) {
    if (!locator) return null;
    var el = element(locator);
    if (!el) return null;
    if (locator.text === null) {
      var box = el.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) return null;
      var isField = /^(input|textarea|select)$/.test(locator.tag);
      return { rect: plain(box), valueRect: plain(isField ? maskproofContentBox(el) : box) };
    }
    var node = maskproofTextNodes(el)[locator.text];
    if (!node) return null;
    var range = doc.createRange();
    range.setStart(node, Math.min(locator.start, node.data.length));
    range.setEnd(node, Math.min(locator.end, node.data.length));
    var rects = range.getClientRects();
    if (rects.length === 0) return null;
    var line = rects[Math.min(locator.line, rects.length - 1)];
    return { rect: plain(line), valueRect: plain(line) };
  });
}
