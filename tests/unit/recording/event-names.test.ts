import { describe, expect, it } from 'vitest';
import { eventTypeName } from '../../../src/recording/event-names.ts';

describe('eventTypeName: one name per rrweb event type, for the report, the verdicts and maskproof scan', () => {
  it('names events with rrweb\'s own enum names, the same words as the report and the verdicts', () => {
    expect(eventTypeName(4)).toBe('Meta');
    expect(eventTypeName(2)).toBe('FullSnapshot');
    expect(eventTypeName(3, { source: 0 })).toBe('IncrementalSnapshot:Mutation');
    expect(eventTypeName(3, { source: 5 })).toBe('IncrementalSnapshot:Input');
    expect(eventTypeName(3, { source: 17 })).toBe('IncrementalSnapshot:source 17');
    expect(eventTypeName(3)).toBe('IncrementalSnapshot:?');
    expect(eventTypeName(5, { tag: 'maskproof/network' })).toBe('Custom:maskproof/network');
    expect(eventTypeName(5, { source: 2 })).toBe('Custom');
    expect(eventTypeName(42)).toBe('type 42');
  });
});
