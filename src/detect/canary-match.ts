import type { PreparedCanary } from './canary-patterns.ts';
import { foldText, isDigit, isLetter, isWordChar, separators } from './text-folding.ts';
import type { Encoding } from './types.ts';

/**
 * Turning an automaton hit into a finding's encoding, or rejecting it. The automaton matched the
 * canary's skeleton (case-folded, separators skipped); this looks at the actual characters.
 */

/**
 * Index where a match of `count` skeleton characters ending at `end` starts, or -1 - remaining
 * when the string runs out first (the match began in an earlier piece of a stream).
 */
export function matchStart(text: string, end: number, count: number): number {
  const sep = separators();
  let i = end;
  for (; i >= 0; i--) {
    if (sep[text.charCodeAt(i)] === 0 && --count === 0) return i;
  }
  return -1 - count;
}

/**
 * How `span` (the matched characters) wrote the canary, given the characters just before and after
 * it (-1 at an edge). Undefined when the hit is not the canary:
 *  - a match inside a longer digit run is another number (a card inside a longer id);
 *  - short canaries and short numbers must stand as whole tokens, and short ones exactly;
 *  - a case-folded or skeleton-only match must not sit inside a longer word ("ann lee" in "Joann Leeds").
 */
export function spanEncoding(c: PreparedCanary, span: string, before: number, after: number): Encoding | undefined {
  const first = span.charCodeAt(0);
  const last = span.charCodeAt(span.length - 1);
  if ((isDigit(first) && isDigit(before)) || (isDigit(last) && isDigit(after))) return undefined;
  if (c.wholeToken && (isWordChar(before) || isWordChar(after))) return undefined;
  if (span === c.value) return 'plain';
  if (c.short) return undefined;
  if ((isLetter(first) && isLetter(before)) || (isLetter(last) && isLetter(after))) return undefined;
  const lower = span.toLowerCase();
  if (lower === c.lower) return 'case';
  if (span.includes('+') && lower.replace(/\+/g, ' ') === c.lower) return 'url';
  // A name as the app turns it into a URL slug or a file name: its words lower-cased, accents folded,
  // joined by hyphens or dots ("José Müller" → "jose-muller").
  if (/\p{L}/u.test(span) && /[-.]/.test(span) && foldText(span).replace(/[-.]+/g, ' ') === foldText(c.value).replace(/[-.\s]+/g, ' ')) return 'slug';
  // The same characters with other separators: digits regrouped ("4111-1111…") or, for a value with
  // letters, words run together or joined differently ("JohnDoe", "john_doe"): not "digits".
  return /\p{L}/u.test(c.value) ? 'separators' : 'digits';
}

/**
 * Whether text[start..end] is one part of a dotted number: an IP address (127.0.0.1), a version
 * (2.180.3), a decimal (0.616). A short numeric canary standing there is that number, not the canary.
 */
export function inDottedNumber(text: string, start: number, end: number): boolean {
  const dotBefore = start >= 2 && text.charCodeAt(start - 1) === 46 && isDigit(text.charCodeAt(start - 2));
  const dotAfter = end + 2 < text.length && text.charCodeAt(end + 1) === 46 && isDigit(text.charCodeAt(end + 2));
  return dotBefore || dotAfter;
}

/**
 * A base64 hit (on the first characters of the canary's base64 form) is the canary only when the
 * whole form follows from `start`, case and all; line breaks of wrapped base64 are skipped.
 */
export function base64At(text: string, start: number, form: string): boolean {
  let i = start;
  for (let j = 0; j < form.length; i++) {
    const code = text.charCodeAt(i);
    if (Number.isNaN(code)) return false;
    if (code === 10 || code === 13) continue;
    if (code !== form.charCodeAt(j++)) return false;
  }
  return true;
}

/** Preference when one canary is found several ways in one place: the most direct form first. */
export const ENCODING_RANK: Record<Encoding, number> = { plain: 0, case: 1, slug: 2, digits: 3, separators: 3, url: 4, json: 5, html: 6, base64: 7, gzip: 8, split: 9 };
