/**
 * The corpus generators' seeded random numbers (mulberry32), so that a corpus regenerates byte for
 * byte from its seed, and the helpers built on them.
 */
export function seededRandom(seed: number) {
  let state = seed >>> 0;
  const rand = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  /** `n` characters drawn from `alphabet`. */
  const of = (alphabet: string, n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
  const digits = (n: number): string => of('0123456789', n);
  return { rand, int, pick, of, digits };
}
