import { describe, expect, it } from 'vitest';
import { Automaton } from '../../../src/detect/aho-corasick.ts';
import { base64Middles } from '../../../src/detect/canary-patterns.ts';
import { skeleton } from '../../../src/detect/text-folding.ts';

/** Every (pattern, end index in the skeleton) of the automaton's last scan. */
function hits(automaton: Automaton): string[] {
  const out: string[] = [];
  for (let h = 0; h < automaton.hitCount; h++) out.push(`${automaton.hitPatterns[h]}@${automaton.hitEnds[h]}`);
  return out.sort();
}

/** The same, by brute force: each pattern searched at every position of the folded, separator-free text. */
function naiveHits(patterns: string[], text: string): string[] {
  const positions: number[] = [];
  let folded = '';
  for (let i = 0; i < text.length; i++) {
    const s = skeleton(text[i]!);
    if (s) {
      folded += s;
      positions.push(i);
    }
  }
  const out: string[] = [];
  patterns.forEach((pattern, index) => {
    for (let at = folded.indexOf(pattern); at >= 0; at = folded.indexOf(pattern, at + 1)) out.push(`${index}@${positions[at + pattern.length - 1]}`);
  });
  return out.sort();
}

/** A small deterministic generator, so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
}

describe('Aho-Corasick automaton', () => {
  it('finds every occurrence of every pattern, overlapping ones included, as brute force does', () => {
    const next = random(7);
    const alphabet = 'abAB12 -.é';
    const word = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
    for (let round = 0; round < 50; round++) {
      const patterns = [...new Set(Array.from({ length: 12 }, () => skeleton(word(1 + Math.floor(next() * 4)))).filter(Boolean))];
      const automaton = new Automaton(patterns);
      const text = word(200);
      automaton.scan(text, 0);
      expect(hits(automaton), `round ${round}`).toEqual(naiveHits(patterns, text));
    }
  });

  it('follows long failure chains: many overlapping patterns over two letters, in long texts', () => {
    const next = random(11);
    const word = (n: number) => Array.from({ length: n }, () => (next() < 0.5 ? 'a' : 'b')).join('');
    for (let round = 0; round < 20; round++) {
      const patterns = Array.from({ length: 40 }, () => word(1 + Math.floor(next() * 9)));
      const automaton = new Automaton(patterns);
      const text = word(500);
      automaton.scan(text, 0);
      expect(hits(automaton), `round ${round}`).toEqual(naiveHits(patterns, text));
    }
  });

  it('folds case, skips separators and counts digits while it reads', () => {
    const automaton = new Automaton(['merrittflatley', '4141335651459655']);
    automaton.scan('Name: MERRITT-FLATLEY, card 4141 3356 5145 9655', 0);
    expect(hits(automaton)).toEqual(['0@20', '1@46']);
    expect(automaton.digits).toBe(16);
    automaton.scan('Merritt Flatly', 0);
    expect(automaton.hitCount).toBe(0);
  });

  it('resumes from a returned state: a value arriving in pieces matches as one string', () => {
    const automaton = new Automaton(['merrittflatley']);
    let state = 0;
    for (const piece of ['Mer', 'ritt ', 'Flat']) {
      state = automaton.scan(piece, state);
      expect(automaton.hitCount).toBe(0);
    }
    automaton.scan('ley!', state);
    expect(hits(automaton)).toEqual(['0@2']);
    automaton.scan('ley!', 0);
    expect(automaton.hitCount).toBe(0);
  });

  it('base64 middles appear in any blob that embeds the value, at every byte alignment', () => {
    const middles = base64Middles('merritt_flatley@yahoo.com');
    for (const prefix of ['', 'a', 'ab', 'abc', 'abcd']) {
      const blob = Buffer.from(`${prefix}merritt_flatley@yahoo.com!`).toString('base64');
      expect(middles.some((middle) => blob.includes(middle)), prefix).toBe(true);
    }
    expect(middles.every((middle) => middle.length >= 10)).toBe(true);
  });
});
