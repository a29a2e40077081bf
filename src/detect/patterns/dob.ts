import type { PatternHit } from './pattern-hit.ts';

/**
 * A date of birth is an ordinary date next to its label: the label makes it personal. Labels in
 * English, German, French, Spanish, Italian and Dutch, as prose ("born 4 March 1985"), form text
 * ("DOB: 04/03/1985") or a field name ("date_of_birth":"1985-03-04", birthDate=…).
 */
const LABEL = String.raw`(?:d\.?o\.?b\.?|date[\s_-]?of[\s_-]?birth|birth[\s_-]?date|birthday|born(?:[\s_]on)?|geburtsdatum|geboren(?:[\s_]am)?|geb\.|date[\s_-]de[\s_-]naissance|n[ée]e?[\s_]le|fecha[\s_-]de[\s_-]nacimiento|data[\s_-]di[\s_-]nascita|geboortedatum)`;
const MONTHS = String.raw`(?:jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]vr(?:ier)?|m[äa]r(?:ch|z|s)?|apr(?:il)?|avr(?:il)?|may|mai|mei|jun[ei]?|juin|jul[iy]?|juil(?:let)?|aug(?:ust)?|ao[uû]t|sep(?:t|tember|tembre)?|o[ck]t(?:ober|obre)?|nov(?:ember|embre)?|d[ée][cz](?:ember|embre)?)\.?`;
const DATE = String.raw`(\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{1,2}\.?\s${MONTHS}\s\d{4}|${MONTHS}\s\d{1,2},?\s\d{4})`;
const DOB = new RegExp(String.raw`(?<![A-Za-z])${LABEL}["']?\s*(?:[:=]\s*)?["']?\s*${DATE}(?![\w]|[./-]\d)`, 'giu');
const MONTH_NUMBER: readonly [RegExp, number][] = [
  [/^jan/i, 1], [/^f[ée]/i, 2], [/^m[äa]r/i, 3], [/^a[pv]r/i, 4], [/^ma[iy]|^mei/i, 5], [/^jui?n/i, 6],
  [/^jui?l/i, 7], [/^au|^ao/i, 8], [/^sep/i, 9], [/^o[ck]t/i, 10], [/^nov/i, 11], [/^d[ée]/i, 12],
];

/** Year, month, day of a written date, or undefined when it is no calendar date. */
export function parseDate(written: string): [number, number, number] | undefined {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(written);
  const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{2,4})$/.exec(written);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (numeric) {
    const a = Number(numeric[1]);
    const b = Number(numeric[2]);
    y = Number(numeric[3]);
    if (numeric[3]!.length === 2) y += 1900;
    // Day first in most of the world; month first (US) when the first part cannot be a month day pair.
    [d, m] = b > 12 ? [b, a] : [a, b];
  } else {
    const words = written.replace(/[.,]/g, ' ').split(/\s+/).filter(Boolean);
    const monthWord = words.find((w) => /[a-zäéû]/i.test(w))!;
    const numbers = words.filter((w) => /^\d+$/.test(w)).map(Number);
    m = MONTH_NUMBER.find(([re]) => re.test(monthWord))?.[1] ?? 0;
    [d, y] = numbers[0]! > 31 ? [numbers[1]!, numbers[0]!] : [numbers[0]!, numbers[1]!];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return [y, m, d];
}

/** Dates of birth next to their label. Precision: a real calendar date, in 1900 up to today. */
export function findDatesOfBirth(text: string, out: PatternHit[]): void {
  DOB.lastIndex = 0;
  const now = Date.now();
  for (let match = DOB.exec(text); match; match = DOB.exec(text)) {
    const written = match[1]!;
    const date = parseDate(written);
    if (!date || date[0] < 1900 || Date.UTC(date[0], date[1] - 1, date[2]) > now) continue;
    const start = match.index + match[0].length - written.length;
    out.push({ detector: 'dob', kind: 'date-of-birth', value: written, start, end: start + written.length });
  }
}
