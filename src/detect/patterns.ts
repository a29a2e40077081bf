import { findPhoneNumbersInText } from 'libphonenumber-js';
import type { Detector } from './types.ts';

/** A piece of personal data found by shape, validated beyond its shape. */
export interface PatternHit {
  detector: Exclude<Detector, 'canary'>;
  kind: string;
  value: string;
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

/** Card network by issuer prefix and length; undefined for numbers no network issues. */
export function cardNetwork(digits: string): string | undefined {
  const len = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4' && (len === 13 || len === 16 || len === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && len === 15) return 'amex';
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) && len >= 16 && len <= 19) return 'discover';
  if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) return 'jcb';
  if ((p2 === 36 || p2 === 38 || p2 === 39 || (p3 >= 300 && p3 <= 305)) && len >= 14 && len <= 19) return 'diners';
  if (p2 === 62 && len >= 16 && len <= 19) return 'unionpay';
  return undefined;
}

/** SSNs the SSA never issues: area 000, 666, 900-999; group 00; serial 0000; famous advertising numbers. */
export function validSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900 || group === '00' || serial === '0000') return false;
  return !['078-05-1120', '219-09-9999', '123-45-6789'].includes(`${area}-${group}-${serial}`);
}

const IBAN_LENGTHS: Record<string, number> = {
  AD: 24, AT: 20, BE: 16, BG: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18, FR: 27, GB: 22, GR: 27,
  HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MT: 31, NL: 18, NO: 15, PL: 28, PT: 25,
  RO: 24, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26, AE: 23, SA: 24, IL: 23, QA: 29, BR: 29,
};

export function validIban(iban: string): boolean {
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== iban.length) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

function jwtHeader(part: string): boolean {
  try {
    const header = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as { alg?: unknown };
    return typeof header === 'object' && header !== null && typeof header.alg === 'string';
  } catch {
    return false;
  }
}

const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}\b/g;
const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g;
const SSN = /(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/g;
const IBAN = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g;
const JWT = /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g;
const BEARER = /\bBearer\s+([A-Za-z0-9\-._~+/]{16,}=*)/g;
const API_KEYS: [string, RegExp][] = [
  ['aws-access-key', /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/g],
  ['github-token', /\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{82}\b/g],
  ['stripe-key', /\b(?:sk|rk|pk)_(?:live|test)_[0-9A-Za-z]{24,99}\b/g],
  ['slack-token', /\bxox[baprs]-[0-9A-Za-z-]{10,72}\b/g],
  ['google-api-key', /\bAIza[0-9A-Za-z_-]{35}\b/g],
  ['openai-key', /\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b/g],
];
/** Cheap gate: every API key format above starts with one of these. */
const API_KEY_HINT = /AKIA|ASIA|gh[pousr]_|github_pat_|[srp]k_(?:live|test)_|xox[baprs]-|AIza|sk-/;
/** A phone needs phone-like punctuation or a + prefix: bare digit runs are ids and timestamps. */
const PHONE_HINT = /(?:\+\d|\(\d{2,4}\)|\d[ .-]\d)/;

export function findPatterns(text: string): PatternHit[] {
  const hits: PatternHit[] = [];
  if (text.includes('@')) for (const m of text.matchAll(EMAIL)) hits.push({ detector: 'email', kind: 'email', value: m[0] });
  const hasDigits = /\d/.test(text);
  if (hasDigits) {
    for (const m of text.matchAll(CARD)) {
      const digits = m[0].replace(/[ -]/g, '');
      const network = cardNetwork(digits);
      if (network && luhn(digits)) hits.push({ detector: 'card', kind: network, value: m[0] });
    }
    for (const m of text.matchAll(SSN)) if (validSsn(m[1]!, m[2]!, m[3]!)) hits.push({ detector: 'ssn', kind: 'us-ssn', value: m[0] });
    for (const m of text.matchAll(IBAN)) {
      const iban = m[0].replace(/ /g, '');
      if (validIban(iban)) hits.push({ detector: 'iban', kind: iban.slice(0, 2), value: m[0] });
    }
    if (PHONE_HINT.test(text) && text.length < 2000) {
      for (const phone of findPhoneNumbersInText(text, { defaultCountry: 'US' })) {
        const raw = text.slice(phone.startsAt, phone.endsAt);
        // Cards and SSNs found above are not also phones.
        if (hits.some((h) => h.value.includes(raw) || raw.includes(h.value))) continue;
        if (phone.number.isValid()) hits.push({ detector: 'phone', kind: phone.number.country ?? 'phone', value: raw });
      }
    }
  }
  if (text.includes('eyJ')) {
    for (const m of text.matchAll(JWT)) if (jwtHeader(m[0].split('.')[0]!)) hits.push({ detector: 'jwt', kind: 'jwt', value: m[0] });
  }
  if (text.includes('earer')) {
    for (const m of text.matchAll(BEARER)) if (!hits.some((h) => h.detector === 'jwt' && h.value === m[1])) hits.push({ detector: 'bearer', kind: 'bearer', value: m[1]! });
  }
  if (API_KEY_HINT.test(text)) {
    for (const [kind, pattern] of API_KEYS) for (const m of text.matchAll(pattern)) hits.push({ detector: 'apikey', kind, value: m[0] });
  }
  return hits;
}
