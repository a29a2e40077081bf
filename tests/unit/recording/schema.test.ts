import { describe, expect, it } from 'vitest';
import { RecordingFormatError } from '../../../src/errors.ts';
import { validateEvent } from '../../../src/recording/schema.ts';
import { sampleEvents } from '../scan/helpers.ts';

function problemWith(event: unknown, index = 0): string {
  try {
    validateEvent(event, index);
  } catch (error) {
    expect(error).toBeInstanceOf(RecordingFormatError);
    return (error as Error).message;
  }
  throw new Error('expected the event to be rejected');
}

describe('rrweb event schema', () => {
  it('accepts real rrweb events, with extra keys inside node trees and payloads', () => {
    sampleEvents().forEach((event, i) => expect(() => validateEvent(event, i)).not.toThrow());
  });

  it('rejects something that is not an rrweb event, naming the event index and what is missing', () => {
    expect(problemWith({ name: 'pageview', ts: 1 }, 7)).toMatch(/event 7 .*\(event\) is missing "type"/);
    expect(problemWith([1, 2], 0)).toMatch(/event 0 .*must be object/);
    expect(problemWith({ type: 9, timestamp: 1, data: {} })).toMatch(/type must be <= 8/);
    expect(problemWith({ type: 3, timestamp: '1', data: { source: 1 } })).toMatch(/timestamp must be number/);
  });

  it('checks each event type by its own fields, naming the path of the first problem', () => {
    expect(problemWith({ type: 4, timestamp: 1, data: { href: 'http://x', width: 10 } }, 3)).toMatch(/event 3 \(type 4\).*data is missing "height"/);
    expect(problemWith({ type: 2, timestamp: 1, data: { node: { type: 0 }, initialOffset: { top: 0, left: 0 } } })).toMatch(/data\.node is missing "id"/);
    expect(problemWith({ type: 3, timestamp: 1, data: { source: 17 } })).toMatch(/data\.source must be <= 16/);
    expect(problemWith({ type: 3, timestamp: 1, data: { source: 'input' } })).toMatch(/data\.source must be integer/);
    expect(problemWith({ type: 5, timestamp: 1, data: { payload: {} } })).toMatch(/data is missing "tag"/);
    expect(problemWith({ type: 5, timestamp: 1, data: { tag: 'x' } })).toMatch(/data is missing "payload"/);
    expect(problemWith({ type: 2, timestamp: 1, data: { node: { type: 0, id: 1 } } })).toMatch(/data is missing "initialOffset"/);
    expect(problemWith({ type: 6, timestamp: 1, data: { payload: {} } })).toMatch(/data is missing "plugin"/);
    expect(problemWith({ type: 6, timestamp: 1, data: { plugin: 'rrweb/console@1' } })).toMatch(/data is missing "payload"/);
  });

  it('accepts the plugin, load and custom events rrweb and its plugins write', () => {
    const fine = [
      { type: 0, timestamp: 1, data: {} },
      { type: 1, timestamp: 2, data: {} },
      { type: 6, timestamp: 3, data: { plugin: 'rrweb/console@1', payload: { level: 'log', payload: ['"hi"'], trace: [] } } },
      { type: 5, timestamp: 4, data: { tag: 'breadcrumb', payload: { category: 'ui.click' } } },
      { type: 3, timestamp: 5, data: { source: 16, define: { name: 'x-y' } } },
    ];
    fine.forEach((event, i) => expect(() => validateEvent(event, i)).not.toThrow());
  });
});
