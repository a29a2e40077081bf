import { AhoCorasick } from './aho-corasick.ts';
import { base64Decoded, htmlDecoded, jsonUnescaped, skeleton, urlDecoded } from './decoders.ts';
import type { Canary, Encoding } from './types.ts';

/** Canaries shorter than this (a CVV "123", an expiry "10/28") match only as whole tokens. */
const SHORT = 6;

export interface CanaryHit {
  canary: Canary;
  encoding: Encoding;
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** A match that does not sit inside a longer run of letters or digits. */
function isWholeToken(text: string, start: number, end: number): boolean {
  return (start === 0 || !isWordChar(text.charCodeAt(start - 1))) && (end === text.length || !isWordChar(text.charCodeAt(end)));
}

/**
 * Searches one string for every canary at once, in every encoding. Short canaries are matched only
 * as whole tokens and only in their literal (case-folded) form: "616" inside "1616540" or an epoch
 * timestamp is not a CVV, and stripping separators from short values would match any digits.
 */
export class CanaryMatcher {
  private readonly lower: AhoCorasick;
  private readonly skeletons: AhoCorasick;
  private readonly skeletonOwners: number[] = [];

  constructor(readonly canaries: readonly Canary[]) {
    this.lower = new AhoCorasick(canaries.map((c) => c.value.toLowerCase()));
    const skeletonPatterns: string[] = [];
    canaries.forEach((canary, index) => {
      const s = skeleton(canary.value);
      // Only values that carry separators gain anything from the skeleton form.
      if (s.length >= SHORT && s !== canary.value.toLowerCase()) {
        skeletonPatterns.push(s);
        this.skeletonOwners.push(index);
      }
    });
    this.skeletons = new AhoCorasick(skeletonPatterns);
  }

  /** Canaries found literally in `text` (exact or case-folded). */
  private literal(text: string, encoding: 'plain' | Encoding, found: Map<number, Encoding>): void {
    const lower = text.toLowerCase();
    for (const match of this.lower.search(lower)) {
      if (found.has(match.pattern)) continue;
      const canary = this.canaries[match.pattern]!;
      if (canary.value.length < SHORT && !isWholeToken(lower, match.start, match.end)) continue;
      if (encoding !== 'plain') found.set(match.pattern, encoding);
      else found.set(match.pattern, text.startsWith(canary.value, match.start) ? 'plain' : 'case');
    }
  }

  search(text: string): CanaryHit[] {
    if (this.canaries.length === 0) return [];
    const found = new Map<number, Encoding>();
    this.literal(text, 'plain', found);
    if (this.skeletonOwners.length) {
      // Without separators in the text, its skeleton is just its lowercase form.
      const textSkeleton = /[\s\-.()/]/.test(text) ? skeleton(text) : text.toLowerCase();
      for (const match of this.skeletons.search(textSkeleton)) {
        const index = this.skeletonOwners[match.pattern]!;
        if (!found.has(index)) found.set(index, 'digits');
      }
    }
    const url = urlDecoded(text);
    if (url !== undefined) this.literal(url, 'url', found);
    const json = jsonUnescaped(text);
    if (json !== undefined) this.literal(json, 'json', found);
    const html = htmlDecoded(text);
    if (html !== undefined) this.literal(html, 'html', found);
    if (found.size < this.canaries.length) {
      for (const decoded of base64Decoded(text)) this.literal(decoded, 'base64', found);
    }
    return [...found].map(([index, encoding]) => ({ canary: this.canaries[index]!, encoding }));
  }
}
