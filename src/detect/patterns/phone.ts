import { findPhoneNumbersInText, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { type PatternHit, withoutStackTraces } from './pattern-hit.ts';

/**
 * Phone-number candidates: a + prefix, or digit groups split by spaces, dots or dashes, or an area code
 * in parentheses. A bare run of digits is an id, a timestamp or a pixel size far more often than a
 * phone, so it is never a candidate. After a + prefix, groups may be as long as their plan writes them
 * (German mobiles: "+49 1512 3456789").
 */
const CANDIDATE = /(?<![\w+./-])\+\d{1,3}(?:[ .-]\d{1,8}){1,5}(?![\w]|[./-]\d)|(?<![\w+./-])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?\d{1,6}(?:[ .-]\d{1,6}){0,4}|\d{1,6}(?:[ .-]\d{1,6}){1,5})(?![\w]|[./-]\d)|(?<![\w+])\+\d{7,15}(?!\w)/g;

/** What every candidate has somewhere: a cheap test before the full expression. */
const PHONE_PUNCTUATION = /\d[ .-]\d|[+(]\d/;

/**
 * Phone numbers, validated by libphonenumber's full metadata (number plan, length, area codes).
 * Precision: 7-15 digits, phone-like formatting, and a valid number for its country: international
 * numbers need their + prefix, national ones are read as US numbers.
 */
export function findPhones(text: string, out: PatternHit[]): void {
  if (!PHONE_PUNCTUATION.test(text)) return;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const raw = match[0];
    const digits = raw.replace(/\D/g, '').length;
    if (digits < 7 || digits > 15) continue;
    if (!withoutStackTraces(() => parsePhoneNumberFromString(raw, 'US')?.isValid())) continue;
    out.push({ detector: 'phone', kind: 'phone', value: raw, start: match.index, end: match.index + raw.length });
  }
  if (text.includes('+')) findInternational(text, out);
}

/** A + and a digit, not inside base64 or a word ("…Qx+9f…" in a payload is no phone): where an international number starts. */
const PLUS_DIGIT = /(?<![A-Za-z0-9+/=])\+\(?\d/g;
/** Longest international number as written, with its spaces and parentheses. */
const LONGEST_WRITTEN = 32;

/**
 * International numbers written the way their country groups them ("+49 3012345678",
 * "+33 (0)1 23 45 67 89", "+91 98765 43210"): groups the candidate expression does not allow.
 * libphonenumber's own finder reads them, validated against the full metadata; only numbers with
 * their + prefix are taken, so a bare run of digits stays an id. The finder reads only a short window
 * at each "+digit", never a whole payload.
 */
function findInternational(text: string, out: PatternHit[]): void {
  PLUS_DIGIT.lastIndex = 0;
  for (let match = PLUS_DIGIT.exec(text); match; match = PLUS_DIGIT.exec(text)) {
    const at = match.index;
    const found = withoutStackTraces(() => findPhoneNumbersInText(text.slice(at, at + LONGEST_WRITTEN))[0]);
    if (!found || found.startsAt !== 0 || !withoutStackTraces(() => found.number.isValid())) continue;
    const start = at;
    const end = at + found.endsAt;
    if (out.some((hit) => hit.start < end && start < hit.end)) continue;
    out.push({ detector: 'phone', kind: 'phone', value: text.slice(start, end), start, end });
    PLUS_DIGIT.lastIndex = end;
  }
}
