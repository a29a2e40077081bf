import { describe, expect, it } from 'vitest';
import { findSsns } from '../../../src/detect/patterns/ssn.ts';
import type { PatternHit } from '../../../src/detect/patterns/pattern-hit.ts';

const ssns = (text: string) => {
  const hits: PatternHit[] = [];
  findSsns(text, hits);
  return hits.map((h) => h.value);
};

describe('SSN forms', () => {
  it('finds an SSN written with dashes or with spaces', () => {
    expect(ssns('SSN: 536-22-1234')).toEqual(['536-22-1234']);
    expect(ssns('Social security number 536 22 1234 on file')).toEqual(['536 22 1234']);
  });
  it('stays quiet on mixed separators, longer digit runs and numbers the SSA never issues', () => {
    expect(ssns('536-22 1234')).toEqual([]);
    expect(ssns('+1 415 536 22 1234')).toEqual([]);
    expect(ssns('536 22 1234 99')).toEqual([]);
    expect(ssns('Account 0044 536 22 1234')).toEqual([]);
    expect(ssns('666 22 1234, 536 00 1234, 123 45 6789')).toEqual([]);
  });
});
