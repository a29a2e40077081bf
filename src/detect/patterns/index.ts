import { findCards } from './card.ts';
import { findEmails } from './email.ts';
import { findIbans } from './iban.ts';
import { findAddresses, findNames } from './names.ts';
import type { PatternHit } from './pattern-hit.ts';
import { findPhones } from './phone.ts';
import { findSsns } from './ssn.ts';
import { findApiKeys, findBearerTokens, findDigitKeys, findJwts } from './tokens.ts';
import { findCryptoAddresses } from './crypto.ts';
import { findDatesOfBirth } from './dob.ts';
import { findIps } from './ip.ts';
import { findNationalIds } from './national-id.ts';
import { findPrivateKeys, findUrlCredentials } from './secrets.ts';
import { PASSPORT_TRIGGERS, findKeyedPassport, findMrz, findPassportNumbers, mayHoldMrz } from './passport.ts';

export type { PatternHit } from './pattern-hit.ts';

/** Cheap facts about a string, gathered by the automaton's pass, that tell which detectors can match. */
export const HINT_AT = 1;
export const HINT_JWT = 2;
export const HINT_BEARER = 4;
export const HINT_API_KEY = 8;
export const HINT_DOB = 16;
export const HINT_NATIONAL_ID = 32;
export const HINT_CRYPTO = 64;
export const HINT_PRIVATE_KEY = 128; // 1 << 8..10 are canary-patterns.ts decoding hints
/** Set by the string scanner (names.ts mayHoldWords), not by a trigger: capitalised words, a space. */
export const HINT_WORDS = 1 << 11; // above canary-patterns.ts HINT_PERCENT..HINT_AMPERSAND (1 << 8..10)
/** A passport label ('passport', 'reisepass', …): passport numbers are only taken after one. */
export const HINT_PASSPORT = 1 << 12;
/** A '<<' filler run: a passport's machine-readable zone may be there. */
export const HINT_MRZ = 1 << 13;
/** Set by the string scanner, not by a trigger: the string is the whole value under a passport key or attribute name. */
export const HINT_PASSPORT_KEY = 1 << 14;
export const PATTERN_HINTS = HINT_AT | HINT_JWT | HINT_BEARER | HINT_API_KEY | HINT_DOB | HINT_NATIONAL_ID | HINT_CRYPTO | HINT_PRIVATE_KEY | HINT_WORDS | HINT_PASSPORT | HINT_MRZ | HINT_PASSPORT_KEY;

/** Literal fragments (lower case, no separators: the automaton's form) that announce a detector. */
export const HINT_TRIGGERS: readonly (readonly [string, number])[] = [
  ['@', HINT_AT],
  ['eyj', HINT_JWT],
  ['bearer', HINT_BEARER],
  ...['akia', 'asia', 'abia', 'acca', 'ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_', 'sk_live_', 'rk_live_', 'pk_live_', 'sk_test_', 'xox', 'aiza', 't3blbkfj', 'npm_', 'glpat'].map(
    (trigger) => [trigger, HINT_API_KEY] as const,
  ),
  // Birth labels (a date of birth is only looked for after one).
  ...['dob', 'birth', 'born', 'geb', 'naissance', 'nacimiento', 'nascita', 'nele', 'neele'].map((trigger) => [trigger, HINT_DOB] as const),
  // Labels of national ids: digit-only ids are taken after them; NINO (six digits) and PAN (four) need them below seven digits.
  ...['nationalinsurance', 'nino', 'ninumber', 'insurancenumber', 'pancard', 'pannumber', 'permanentaccount', 'nhs', 'aadhaar', 'aadhar', 'uidai', 'bsn', 'burgerservicenummer', 'sofinummer', 'pesel', 'securitesociale', 'numerodesecu', 'nir'].map((trigger) => [trigger, HINT_NATIONAL_ID] as const),
  ...['bc1', '0x', 'bitcoin', 'btc', 'wallet', 'ethereum'].map((trigger) => [trigger, HINT_CRYPTO] as const),
  ['privatekey', HINT_PRIVATE_KEY],
  ...PASSPORT_TRIGGERS.map((trigger) => [trigger, HINT_PASSPORT] as const),
  ['<<', HINT_MRZ],
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
  if (hints & HINT_AT) {
    // A password in scheme://user:password@host is one finding, not also an email "password@host".
    findUrlCredentials(text, hits);
    const emails: PatternHit[] = [];
    findEmails(text, emails);
    for (const email of emails) if (!hits.some((h) => h.start < email.end && email.start < h.end)) hits.push(email);
  }
  if (hints & HINT_JWT) findJwts(text, hits);
  if (hints & HINT_BEARER) findBearerTokens(text, hits);
  if (hints & HINT_API_KEY) findApiKeys(text, hits);
  if (hints & HINT_PRIVATE_KEY) findPrivateKeys(text, hits);
  if (hints & HINT_DOB) findDatesOfBirth(text, hits);
  if (hints & HINT_PASSPORT) findPassportNumbers(text, hits);
  if (hints & HINT_PASSPORT_KEY) findKeyedPassport(text, hits);
  if (hints & HINT_MRZ && mayHoldMrz(text)) findMrz(text, hits);
  if (hints & HINT_NATIONAL_ID || digits >= MIN_DIGITS) findNationalIds(text, hits, (hints & HINT_NATIONAL_ID) !== 0);
  if (hints & HINT_CRYPTO || digits >= MIN_DIGITS) findCryptoAddresses(text, hits);
  if (hints & HINT_WORDS) {
    findNames(text, hits);
    // A street address has a house number.
    if (digits > 0) findAddresses(text, hits);
  }
  if (digits >= MIN_DIGITS) {
    findIps(text, hits);
    findDigitKeys(text, hits);
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
