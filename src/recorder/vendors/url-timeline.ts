import { EventType, type eventWithTime } from '@rrweb/types';

/** One URL the page was at, from when. */
export interface UrlLogEntry {
  /** Date.now() in the page when the URL became current. */
  t: number;
  href: string;
  /** Which document reported it (a new one per page load). */
  doc: string;
}

/** The binding the page reports its URLs through. */
export const URL_BINDING = '__maskproofUrl';

/**
 * Page-side: reports every URL the document is at, with the time, through the binding: on load and
 * on pushState, replaceState, popstate and hashchange. A vendor batch can span a client-side route
 * change; the harness uses these to tell which events were recorded on which URL (the rrweb wrapper
 * knows it directly). A binding, not an evaluate: it works while a navigation is under way.
 */
export const urlLogScript = `(function () {
  var doc = Date.now().toString(36) + Math.random().toString(36).slice(2);
  var last = '';
  function note() {
    if (location.href === last || typeof window.${URL_BINDING} !== 'function') return;
    last = location.href;
    window.${URL_BINDING}({ t: Date.now(), href: last, doc: doc });
  }
  ['pushState', 'replaceState'].forEach(function (name) {
    var original = history[name];
    history[name] = function () {
      var result = original.apply(this, arguments);
      note();
      return result;
    };
  });
  window.addEventListener('popstate', note);
  window.addEventListener('hashchange', note);
  note();
})();`;

/** Whether a value the page reported is a URL log entry. */
export function isUrlLogEntry(value: unknown): value is UrlLogEntry {
  const entry = value as Partial<UrlLogEntry> | null;
  return typeof entry === 'object' && entry !== null && typeof entry.t === 'number' && typeof entry.href === 'string' && typeof entry.doc === 'string';
}

/**
 * The URLs of the page's current document: a request comes from it, and its events belong to its
 * URLs (events dated before its first entry, like Sentry's span for the navigation that loaded it,
 * belong to the first one).
 */
export function currentDocument(log: readonly UrlLogEntry[]): UrlLogEntry[] {
  const doc = log.at(-1)?.doc;
  return log.filter((entry) => entry.doc === doc);
}

/**
 * Event time in ms. Sentry writes the timestamps of its performanceSpan custom events in seconds
 * (1.79e9, not 1.79e12); read as ms they would sort before everything else.
 */
export function eventTimeMs(event: { timestamp: number }): number {
  return event.timestamp < 1e11 ? event.timestamp * 1000 : event.timestamp;
}

/**
 * Groups events by the URL they were recorded on, in order of first appearance, keeping their order
 * within each group. The timeline is the page's URL log plus the href of each rrweb Meta event (a
 * page load, also in batches carried over from an earlier page); an event belongs to the latest
 * entry at or before its time, or to the first one. Ties go to the newer URL: when in doubt, an
 * event counts as recorded on the route it may have shown.
 */
export function groupByUrl(events: readonly eventWithTime[], urlLog: readonly UrlLogEntry[], fallbackUrl: string): { url: string; events: eventWithTime[] }[] {
  const timeline: UrlLogEntry[] = [...urlLog];
  for (const event of events) {
    if (event.type === EventType.Meta && typeof event.data.href === 'string') timeline.push({ t: event.timestamp, href: event.data.href, doc: 'meta' });
  }
  timeline.sort((a, b) => a.t - b.t);
  const urlAt = (time: number): string => {
    let url = timeline[0]?.href ?? fallbackUrl;
    for (const entry of timeline) {
      if (entry.t > time) break;
      url = entry.href;
    }
    return url;
  };
  const groups = new Map<string, eventWithTime[]>();
  for (const event of events) {
    const url = urlAt(eventTimeMs(event));
    const group = groups.get(url);
    if (group) group.push(event);
    else groups.set(url, [event]);
  }
  return [...groups].map(([url, grouped]) => ({ url, events: grouped }));
}
