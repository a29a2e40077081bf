import { EventType, IncrementalSource, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { eventsUpTo } from '../../../src/visual/replay-page.ts';

const meta = (timestamp: number, href: string) => ({ type: EventType.Meta, timestamp, data: { href, width: 1280, height: 720 } }) as eventWithTime;
const snapshot = (timestamp: number) => ({ type: EventType.FullSnapshot, timestamp, data: { node: { type: 0, childNodes: [], id: 1 }, initialOffset: { top: 0, left: 0 } } }) as eventWithTime;
const input = (timestamp: number) => ({ type: EventType.IncrementalSnapshot, timestamp, data: { source: IncrementalSource.Input, id: 5, text: '****', isChecked: false } }) as eventWithTime;

describe('eventsUpTo: what the Replayer is given for a key moment', () => {
  const recording = [meta(100, '/login'), snapshot(101), input(150), meta(200, '/checkout'), snapshot(201), input(250), input(300), input(400)];

  it('the last page load (Meta + full snapshot) up to the key moment, nothing after it', () => {
    expect(eventsUpTo(recording, 300).map((e) => e.timestamp)).toEqual([200, 201, 250, 300]);
  });

  it('events delivered out of order are put back in time order', () => {
    expect(eventsUpTo([recording[4]!, recording[3]!, recording[6]!, recording[5]!], 400).map((e) => e.timestamp)).toEqual([200, 201, 250, 300]);
  });

  it('a key moment before the second page replays the first one', () => {
    expect(eventsUpTo(recording, 199).map((e) => e.timestamp)).toEqual([100, 101, 150]);
  });

  it('nothing recorded yet: nothing to replay', () => {
    expect(eventsUpTo(recording, 50)).toEqual([]);
  });
});
