// Runs in the page (the drift audit): lists every element a session replay could capture personal data
// from, with a stable selector and the facts the classification needs. Plain JS, no imports: it is
// evaluated as a string by Playwright. Returns { elements: [...] }.
(function inventory({ blockSelector, blockClass, maskTextSelector, maskTextClass, allowSelectors, piiSelectors }) {
  const FIELD_SKIP = new Set(['hidden', 'submit', 'button', 'reset', 'image', 'checkbox', 'radio', 'file']);
  const TEXT_SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

  /** closest() that treats a bad selector as "no match" (the config's selector, not ours, is at fault). */
  const closest = (el, selector) => {
    if (!selector) return false;
    try {
      return el.closest(selector) !== null;
    } catch {
      return false;
    }
  };
  const closestAny = (el, selectors) => selectors.some((s) => closest(el, s));
  const attrSelector = (name, value) => `[${name}="${value.replace(/["\\]/g, '\\$&')}"]`;
  const unique = (selector) => {
    try {
      return document.querySelectorAll(selector).length === 1;
    } catch {
      return false;
    }
  };

  /** id → data-testid → name → a short CSS path from the nearest ancestor with an id. */
  function selectorOf(el) {
    if (el.id && unique(`#${CSS.escape(el.id)}`)) return `#${CSS.escape(el.id)}`;
    const testId = el.getAttribute('data-testid');
    if (testId && unique(attrSelector('data-testid', testId))) return attrSelector('data-testid', testId);
    const name = el.getAttribute('name');
    const tag = el.tagName.toLowerCase();
    if (name && unique(`${tag}${attrSelector('name', name)}`)) return `${tag}${attrSelector('name', name)}`;
    const parts = [];
    let node = el;
    while (node && node.nodeType === 1 && node !== document.documentElement) {
      const nodeTag = node.tagName.toLowerCase();
      if (node !== el && node.id) {
        parts.unshift(`#${CSS.escape(node.id)}`);
        break;
      }
      const parent = node.parentElement;
      const sameTag = parent ? [...parent.children].filter((c) => c.tagName === node.tagName) : [];
      parts.unshift(sameTag.length > 1 ? `${nodeTag}:nth-of-type(${sameTag.indexOf(node) + 1})` : nodeTag);
      node = parent;
    }
    return parts.join(' > ');
  }

  const hasOwnText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');

  function kindOf(el) {
    const tag = el.tagName;
    if (tag === 'INPUT') return FIELD_SKIP.has((el.type || 'text').toLowerCase()) ? undefined : 'input';
    if (tag === 'TEXTAREA') return 'textarea';
    if (tag === 'SELECT') return 'select';
    if (tag === 'IFRAME') return 'iframe';
    if (el.isContentEditable && !(el.parentElement && el.parentElement.isContentEditable)) return 'contenteditable';
    if (!TEXT_SKIP.has(tag) && !(el.parentElement && el.parentElement.isContentEditable) && hasOwnText(el)) return 'text';
    return undefined;
  }

  function crossOrigin(frame) {
    try {
      return new URL(frame.src || 'about:blank', location.href).origin !== location.origin && !frame.src.startsWith('about:');
    } catch {
      return false;
    }
  }

  const elements = [];
  for (const el of document.querySelectorAll('*')) {
    const kind = kindOf(el);
    if (!kind) continue;
    const tag = el.tagName.toLowerCase();
    elements.push({
      selector: selectorOf(el),
      kind,
      tag,
      // rrweb masks inputs by tag (textarea, select) or by type; data-rr-is-password counts as password.
      inputType: tag === 'input' ? (el.hasAttribute('data-rr-is-password') ? 'password' : (el.type || 'text').toLowerCase()) : undefined,
      blocked: closest(el, blockSelector) || (blockClass ? closest(el, `.${CSS.escape(blockClass)}`) : false),
      textMasked: closest(el, maskTextSelector) || (maskTextClass ? closest(el, `.${CSS.escape(maskTextClass)}`) : false),
      allowed: closestAny(el, allowSelectors),
      pii: closestAny(el, piiSelectors),
      crossOrigin: tag === 'iframe' ? crossOrigin(el) : undefined,
    });
  }
  return { path: location.pathname, elements };
})
