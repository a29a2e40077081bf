import { describe, expect, it } from 'vitest';
import * as canaryHints from '../../../src/detect/canary-patterns.ts';
import * as patternHints from '../../../src/detect/patterns/index.ts';

// Hints from both modules share one bit set in the string scanner: two hints on one bit would make one
// detector run on the other's trigger (or, masked out, never run).
describe('hint bits', () => {
  it('every HINT_* constant is its own single bit', () => {
    const hints = Object.entries({ ...canaryHints, ...patternHints }).filter(([name, value]) => name.startsWith('HINT_') && name !== 'HINT_TRIGGERS' && typeof value === 'number') as [string, number][];
    expect(hints.length).toBeGreaterThan(10);
    let seen = 0;
    for (const [name, bit] of hints) {
      expect(bit & (bit - 1), `${name} is not a single bit`).toBe(0);
      expect(seen & bit, `${name} shares its bit with another hint`).toBe(0);
      seen |= bit;
    }
  });
  it('sees a collision when there is one', () => {
    const collide = (bits: number[]) => bits.reduce((acc, bit) => (acc.seen & bit ? { ...acc, hit: true } : { seen: acc.seen | bit, hit: acc.hit }), { seen: 0, hit: false }).hit;
    expect(collide([patternHints.HINT_DOB, 256, canaryHints.HINT_PERCENT])).toBe(true);
    expect(collide([patternHints.HINT_WORDS, canaryHints.HINT_PERCENT])).toBe(false);
  });
});
