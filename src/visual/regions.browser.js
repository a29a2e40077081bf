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

  function push(kind, on, label, rect, valueRect, hasValue, isPlanted) {
    if (!rect) return;
    regions.push({ kind: kind, on: on, label: label, rect: rect, valueRect: valueRect || rect, hasValue: hasValue, planted: isPlanted });
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
      push('blocked', 'element', describe(el), clip(el.getBoundingClientRect()), null, hasContent, containsPlanted(el.textContent || ''));
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
    var style = view.getComputedStyle(el);
    var left = box.left + parseFloat(style.borderLeftWidth) + parseFloat(style.paddingLeft);
    var top = box.top + parseFloat(style.borderTopWidth) + parseFloat(style.paddingTop);
    var right = box.right - parseFloat(style.borderRightWidth) - parseFloat(style.paddingRight);
    var bottom = box.bottom - parseFloat(style.borderBottomWidth) - parseFloat(style.paddingBottom);
    var content = clip({ left: left, top: top, right: right, bottom: bottom }) || rect;
    // A password field never shows its value (dots), so there is nothing the replay must hide there.
    var kind = isPassword ? 'password' : masked ? 'masked-input' : 'planted-value';
    push(kind, 'field', describe(el), rect, content, !isPassword && value !== '', isPlanted);
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
      Array.prototype.forEach.call(range.getClientRects(), function (r) {
        push('masked-text', 'text', label, clip(r), null, valueLike.test(text), isPlanted);
      });
      continue;
    }
    planted.forEach(function (value) {
      for (var at = lower.indexOf(value); at !== -1; at = lower.indexOf(value, at + value.length)) {
        var found = doc.createRange();
        found.setStart(node, at);
        found.setEnd(node, at + value.length);
        Array.prototype.forEach.call(found.getClientRects(), function (r) {
          push('planted-value', 'text', label, clip(r), null, true, true);
        });
      }
    });
  }
  return { viewport: { width: width, height: height }, path: view.location.pathname, regions: regions };
}
