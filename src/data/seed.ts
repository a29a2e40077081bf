import { randomInt } from 'node:crypto';
import { UsageError } from '../errors.ts';

/** Parses a seed given on the command line or in MASKPROOF_SEED. */
export function parseSeed(text: string, from: string): number {
  if (!/^\d{1,15}$/.test(text.trim())) {
    throw new UsageError(`${from} must be a non-negative integer, got "${text}"`, 'Pass a whole number, e.g. --seed 42.');
  }
  return Number(text.trim());
}

/** The run's seed: MASKPROOF_SEED if set, else a fresh one (printed by the reporter, so a run can be replayed). */
export function runSeed(env: NodeJS.ProcessEnv = process.env): number {
  const fromEnv = env.MASKPROOF_SEED;
  return fromEnv ? parseSeed(fromEnv, 'MASKPROOF_SEED') : randomInt(1, 2 ** 31);
}

/**
 * A seed for one scope (one test in one project) derived from the run seed, so a test gets the same
 * data whatever order or worker it runs in. FNV-1a over the scope name, mixed with the run seed.
 */
export function scopedSeed(seed: number, scope: string): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0) ^ Math.floor(seed / 2 ** 32);
  for (let i = 0; i < scope.length; i++) {
    hash ^= scope.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
