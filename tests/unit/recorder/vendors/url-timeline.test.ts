import { EventType, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { currentDocument, eventTimeMs, groupByUrl } from '../../../../src/recorder/vendors/url-timeline.ts';

// Real clock values: timestamps under 1e11 are read as Sentry's seconds.
const T = 1_795_000_000_000;
const event = (timestamp: number, type: EventType = EventType.IncrementalSnapshot): eventWithTime => ({ type, timestamp, data: {} }) as eventWithTime;
const meta = (timestamp: number, href: string): eventWithTime => ({ type: EventType.Meta, timestamp, data: { href, width: 1, height: 1 } });

describe('which URL each vendor event was recorded on', () => {
  it('follows the page URL log across a client-side route change; ties go to the newer route', () => {
    const log = [
      { t: T + 1000, href: 'http://app.test/app', doc: 'd' },
      { t: T + 2000, href: 'http://app.test/app/admin', doc: 'd' },
    ];
    const groups = groupByUrl([event(T + 1500), event(T + 1999), event(T + 2000), event(T + 2500)], log, 'http://fallback/');
    expect(groups.map((g) => [new URL(g.url).pathname, g.events.map((e) => e.timestamp - T)])).toEqual([
      ['/app', [1500, 1999]],
      ['/app/admin', [2000, 2500]],
    ]);
  });

  it('reads Sentry performance span timestamps, written in seconds, as ms', () => {
    expect(eventTimeMs({ timestamp: 1795413404.0511 })).toBeCloseTo(1795413404051.1);
    expect(eventTimeMs({ timestamp: 1795413404051 })).toBe(1795413404051);
    const log = [{ t: 1795413404000, href: 'http://app.test/login', doc: 'd' }];
    // A span from before the document's first entry (the navigation that loaded it) belongs to its first URL.
    const [group, ...rest] = groupByUrl([event(1795413403.6), event(1795413404100)], log, 'http://fallback/');
    expect(rest).toEqual([]);
    expect(group!.url).toBe('http://app.test/login');
  });

  it('uses Meta events for batches carried over from an earlier page, and the fallback without anything', () => {
    const groups = groupByUrl([meta(T + 100, 'http://app.test/old'), event(T + 150), meta(T + 300, 'http://app.test/new'), event(T + 350)], [], 'http://fallback/');
    expect(groups.map((g) => [new URL(g.url).pathname, g.events.length])).toEqual([
      ['/old', 2],
      ['/new', 2],
    ]);
    expect(groupByUrl([event(T)], [], 'http://fallback/')[0]!.url).toBe('http://fallback/');
  });

  it('takes the URLs of the page’s current document only', () => {
    const log = [
      { t: 1, href: 'http://app.test/a', doc: 'd1' },
      { t: 2, href: 'http://app.test/b', doc: 'd2' },
      { t: 3, href: 'http://app.test/b#x', doc: 'd2' },
    ];
    expect(currentDocument(log).map((e) => e.href)).toEqual(['http://app.test/b', 'http://app.test/b#x']);
  });
});
