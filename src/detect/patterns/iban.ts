import { getCountrySpecifications, isValidIBAN } from 'ibantools';
import type { PatternHit } from './pattern-hit.ts';

/** Where an IBAN may start: a country code and two check digits, not inside a word. */
const START = /(?<![A-Za-z0-9])([A-Z]{2})\d{2}/g;
const LENGTHS = new Map(Object.entries(getCountrySpecifications()).flatMap(([code, spec]) => (spec.chars ? [[code, spec.chars] as const] : [])));

function isUpperAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
}

/**
 * IBANs, compact or printed in groups. Precision: the country's exact length (from ibantools' registry
 * table), nothing alphanumeric right after, then the mod-97 checksum and the country's BBAN format.
 */
export function findIbans(text: string, out: PatternHit[]): void {
  START.lastIndex = 0;
  for (let match = START.exec(text); match; match = START.exec(text)) {
    const length = LENGTHS.get(match[1]!);
    if (!length) continue;
    let compact = '';
    let i = match.index;
    while (i < text.length && compact.length < length) {
      const code = text.charCodeAt(i);
      if (isUpperAlnum(code)) compact += text[i];
      // Printed IBANs put single spaces between groups.
      else if (code !== 32 || !isUpperAlnum(text.charCodeAt(i + 1))) break;
      i++;
    }
    if (compact.length !== length || /[A-Za-z0-9]/.test(text[i] ?? '')) continue;
    if (!isValidIBAN(compact)) continue;
    out.push({ detector: 'iban', kind: 'iban', value: text.slice(match.index, i), start: match.index, end: i });
  }
}
