/**
 * Serialized rrweb nodes for the corpus generators. Ids are unique within one snapshot: 1 the
 * document, 2 the doctype, 3 on for the nodes built after `startSnapshot()`.
 */
let nextId = 1;

/** Restarts the id counter for a new snapshot. */
export function startSnapshot(): void {
  nextId = 3;
}

export const text = (textContent: string) => ({ type: 3, textContent, id: nextId++ });
export const el = (tagName: string, attributes: Record<string, string>, childNodes: unknown[]) => ({ type: 2, tagName, attributes, childNodes, id: nextId++ });

/** Meta and full snapshot of a page at `href` holding `body()`'s nodes. */
export function pageSnapshot(href: string, body: () => unknown[]): unknown[] {
  startSnapshot();
  const children = body();
  const root = { type: 0, id: 1, childNodes: [{ type: 1, name: 'html', publicId: '', systemId: '', id: 2 }, el('html', {}, [el('head', {}, []), el('body', {}, children)])] };
  return [
    { type: 4, data: { href, width: 1280, height: 800 }, timestamp: 1767225600000 },
    { type: 2, data: { node: root, initialOffset: { top: 0, left: 0 } }, timestamp: 1767225600010 },
  ];
}
