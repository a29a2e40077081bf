import { findCards } from './card.ts';
import { findEmails } from './email.ts';
import { findIbans } from './iban.ts';
import { findAddresses, findNames } from './names.ts';
import type { PatternHit } from './pattern-hit.ts';
import { findPhones } from './phone.ts';
import { findSsns } from './ssn.ts';
import { findApiKeys, findBearerTokens, findJwts } from './tokens.ts';

export type { PatternHit } from './pattern-hit.ts';

/** Cheap facts about a string, gathered by the automaton's pass, that tell which detectors can match. */
export const HINT_AT = 1;
export const HINT_JWT = 2;
export const HINT_BEARER = 4;
export const HINT_API_KEY = 8;
/** Set by the string scanner (names.ts mayHoldWords), not by a trigger: capitalised words, a space. */
export const HINT_WORDS = 16;
export const PATTERN_HINTS = HINT_AT | HINT_JWT | HINT_BEARER | HINT_API_KEY | HINT_WORDS;

/** Literal fragments (lower case, no separators: the automaton's form) that announce a detector. */
export const HINT_TRIGGERS: readonly (readonly [string, number])[] = [
  ['@', HINT_AT],
  ['eyj', HINT_JWT],
  ['bearer', HINT_BEARER],
  ...['akia', 'asia', 'abia', 'acca', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'sk_live_', 'rk_live_', 'pk_live_', 'sk_test_', 'xox', 'aiza', 't3blbkfj'].map(
    (trigger) => [trigger, HINT_API_KEY] as const,
  ),
];

const NO_BREAK_SPACE = /[\u00a0\u2007\u202f]/;
const NO_BREAK_SPACES = /[\u00a0\u2007\u202f]/g;

/** The fewest digits a phone (the shortest digit-based detector) can have. */
const MIN_DIGITS = 7;

/**
 * Every pattern detector whose hint is present, on one string; a card is not also reported as a
 * phone. (Detectors loop with exec() over module-level regexes: matchAll() would clone each regex on
 * every one of millions of calls.)
 */
export function findPatterns(text: string, hints: number, digits: number): PatternHit[] {
  const hits: PatternHit[] = [];
  // No-break and figure spaces group digits and join names as a space does (same length: places hold).
  if (NO_BREAK_SPACE.test(text)) text = text.replace(NO_BREAK_SPACES, ' ');
  if (hints & HINT_AT) findEmails(text, hits);
  if (hints & HINT_JWT) findJwts(text, hits);
  if (hints & HINT_BEARER) findBearerTokens(text, hits);
  if (hints & HINT_API_KEY) findApiKeys(text, hits);
  if (hints & HINT_WORDS) {
    findNames(text, hits);
    // A street address has a house number.
    if (digits > 0) findAddresses(text, hits);
  }
  if (digits >= MIN_DIGITS) {
    if (digits >= 13) findCards(text, hits);
    if (digits >= 9) findSsns(text, hits);
    if (digits >= 8) findIbans(text, hits);
    const phones: PatternHit[] = [];
    findPhones(text, phones);
    // A card, SSN or IBAN read again as a phone, or a phone inside a token, is one finding, not two.
    for (const phone of phones) if (!hits.some((h) => h.start < phone.end && phone.start < h.end)) hits.push(phone);
  }
  return hits;
}
