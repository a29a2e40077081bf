import { describe, expect, it } from 'vitest';
import { diskFull } from '../../../src/cli/run-outcome.ts';

describe('diskFull: a report directory with no room left is named as the cause', () => {
  it('less than 1 MiB free: says how much', () => {
    expect(diskFull('/r', () => ({ bavail: 10, bsize: 4096 }))).toBe('40 KiB free');
  });
  it('room left, or a disk it cannot ask: not the cause', () => {
    expect(diskFull('/r', () => ({ bavail: 10_000, bsize: 4096 }))).toBeUndefined();
    expect(diskFull('/r', () => { throw new Error('ENOENT'); })).toBeUndefined();
  });
});
