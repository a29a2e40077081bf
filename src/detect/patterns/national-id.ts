// One module per id, not stdnum's index: the index loads 90 countries' rules (4 MB) into every scan and its helper thread.
import * as caSin from 'stdnum/lib/cjs/ca/sin.js';
import * as esDni from 'stdnum/lib/cjs/es/dni.js';
import * as esNie from 'stdnum/lib/cjs/es/nie.js';
import * as frNir from 'stdnum/lib/cjs/fr/nir.js';
import * as gbNino from 'stdnum/lib/cjs/gb/nino.js';
import * as inAadhaar from 'stdnum/lib/cjs/in/aadhaar.js';
import * as inPan from 'stdnum/lib/cjs/in/pan.js';
import * as itCodiceFiscale from 'stdnum/lib/cjs/it/codicefiscale.js';
import * as nlBsn from 'stdnum/lib/cjs/nl/bsn.js';
import * as plPesel from 'stdnum/lib/cjs/pl/pesel.js';
import { type PatternHit, withoutStackTraces } from './pattern-hit.ts';
import { luhnValid } from './card.ts';

type Check = (compact: string) => boolean;
const VALIDATORS = { CA: { sin: caSin }, ES: { dni: esDni, nie: esNie }, FR: { nir: frNir }, GB: { nino: gbNino }, IN: { aadhaar: inAadhaar, pan: inPan }, IT: { codicefiscale: itCodiceFiscale }, NL: { bsn: nlBsn }, PL: { pesel: plPesel } };
const valid = <C extends keyof typeof VALIDATORS>(country: C, id: keyof (typeof VALIDATORS)[C]): Check => {
  const validator = VALIDATORS[country][id] as { validate(value: string): { isValid: boolean } };
  return (compact) => withoutStackTraces(() => validator.validate(compact).isValid === true);
};

/** NHS numbers: ten digits, the last a mod-11 check of the first nine (weights 10…2; 10 never issued). */
export function nhsValid(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (digits.charCodeAt(i) - 48) * (10 - i);
  const check = 11 - (sum % 11);
  return (check === 11 ? 0 : check) === digits.charCodeAt(9) - 48 && check !== 10;
}

/**
 * Ids that carry letters: their shape is distinctive and (but for the NINO and PAN, which have no
 * check character) a checksum confirms them. stdnum (a port of python-stdnum) holds each country's rules.
 */
const LETTERED: readonly { kind: string; pattern: RegExp; check: Check }[] = [
  // UK National Insurance number: two prefix letters (the HMRC-excluded ones rejected by stdnum), six digits, A-D.
  { kind: 'uk-nino', pattern: /(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Z]{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?\d{2}[ \u00a0]?[A-D](?![A-Za-z0-9])/g, check: valid('GB', 'nino') },
  // Indian PAN of a person: the fourth letter is P (companies, trusts and firms are not personal data).
  { kind: 'in-pan', pattern: /(?<![A-Za-z0-9])[A-Z]{3}P[A-Z]\d{4}[A-Z](?![A-Za-z0-9])/g, check: valid('IN', 'pan') },
  // Spanish DNI (8 digits, mod-23 letter) and NIE (X/Y/Z, 7 digits, the same letter).
  { kind: 'es-dni', pattern: /(?<![A-Za-z0-9.,-])\d{8}-?[A-HJ-NP-TV-Z](?![A-Za-z0-9])/g, check: valid('ES', 'dni') },
  { kind: 'es-nie', pattern: /(?<![A-Za-z0-9])[XYZ]-?\d{7}-?[A-HJ-NP-TV-Z](?![A-Za-z0-9])/g, check: valid('ES', 'nie') },
  // Italian codice fiscale: surname, name, birth date and place codes, a check letter.
  { kind: 'it-codice-fiscale', pattern: /(?<![A-Za-z0-9])[A-Z]{6}[0-9LMNP-V]{2}[A-EHLMPR-T][0-9LMNP-V]{2}[A-Z][0-9LMNP-V]{3}[A-Z](?![A-Za-z0-9])/g, check: valid('IT', 'codicefiscale') },
];

/**
 * Ids that are only digits: a 1-in-10 or 1-in-11 checksum alone would pass every tenth order
 * number. Each is taken with its label before it, or written in its printed grouping where that
 * grouping is its own (SIN 3-3-3, Aadhaar 4-4-4, NIR 1-2-2-2-3-3-2).
 */
const DIGITS: readonly { kind: string; label: RegExp; grouped?: RegExp; length: readonly number[]; check: Check }[] = [
  { kind: 'uk-nhs', label: /\bnhs\b/gi, length: [10], check: nhsValid },
  { kind: 'ca-sin', label: /\b(?:sin|social\sinsurance)\b/gi, grouped: /(?<![\w.,+-])\d{3}([ \u00a0-])\d{3}\1\d{3}(?![\w]|[.,-]\d)/g, length: [9], check: (d) => luhnValid(d) && valid('CA', 'sin')(d) },
  { kind: 'in-aadhaar', label: /\b(?:aadhaar|aadhar|uidai)\b/gi, grouped: /(?<![\w.,+-])[2-9]\d{3}([ \u00a0-])\d{4}\1\d{4}(?![\w]|[ .,-]\d)/g, length: [12], check: valid('IN', 'aadhaar') },
  { kind: 'nl-bsn', label: /\b(?:bsn|burgerservicenummer|sofinummer)\b/gi, length: [9], check: valid('NL', 'bsn') },
  { kind: 'pl-pesel', label: /\bpesel\b/gi, length: [11], check: valid('PL', 'pesel') },
  { kind: 'fr-nir', label: /\b(?:nir|s[ée]curit[ée]\ssociale|num[ée]ro\sde\ss[ée]cu)/gi, grouped: /(?<![\w.,+-])[12]([ \u00a0])\d{2}\1\d{2}\1(?:\d{2}|2[AB])\1\d{3}\1\d{3}\1\d{2}(?![\w]|[ .,-]\d)/g, length: [15], check: valid('FR', 'nir') },
];
/** What a labelled number looks like after its label: a few words or punctuation, then digits and separators. */
const AFTER_LABEL = /^[^\d\n]{0,30}?(\d(?:[ \u00a0.-]?\d){7,20})(?![\w]|[.-]\d)/;
const ANY_LABEL = /\b(?:nhs|sin|social\sinsurance|aadhaa?r|uidai|bsn|burgerservicenummer|sofinummer|pesel|nir|s[ée]curit[ée]\ssociale|num[ée]ro\sde\ss[ée]cu)/i;

/** What a lettered id has somewhere (four digits in a row; NINO printed in pairs; the codice fiscale's date and place), and what a grouped one has. */
const MAYBE_LETTERED = /\d\d\d\d|[A-Z][ \u00a0]?\d\d[ \u00a0]?\d\d|\d\d[A-EHLMPR-T]\d\d[A-Z]\d\d\d/;
const MAYBE_GROUPED = /\d[ \u00a0-]\d/;

/**
 * National ids and tax ids of the main markets, each validated by its checksum or issuing rules.
 * `labelHint`: the automaton saw one of the labels' fragments (nhs, aadhaar, bsn, pesel, …).
 */
export function findNationalIds(text: string, out: PatternHit[], labelHint: boolean): void {
  if (MAYBE_LETTERED.test(text)) findLettered(text, out);
  const labelled = labelHint && ANY_LABEL.test(text);
  if (labelled || MAYBE_GROUPED.test(text)) findDigitIds(text, labelled, out);
}

function findLettered(text: string, out: PatternHit[]): void {
  for (const { kind, pattern, check } of LETTERED) {
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (!check(match[0].replace(/[\s-]/g, ''))) continue;
      out.push({ detector: 'national-id', kind, value: match[0], start: match.index, end: match.index + match[0].length });
    }
  }
}

function findDigitIds(text: string, labelled: boolean, out: PatternHit[]): void {
  for (const { kind, label, grouped, length, check } of DIGITS) {
    if (grouped) {
      grouped.lastIndex = 0;
      for (let match = grouped.exec(text); match; match = grouped.exec(text)) {
        if (!check(match[0].replace(/\D/g, ''))) continue;
        push(out, kind, match[0], match.index);
      }
    }
    if (!labelled) continue;
    label.lastIndex = 0;
    for (let match = label.exec(text); match; match = label.exec(text)) {
      const rest = text.slice(match.index + match[0].length, match.index + match[0].length + 60);
      const number = AFTER_LABEL.exec(rest);
      if (!number) continue;
      const digits = number[1]!.replace(/\D/g, '');
      if (!length.includes(digits.length) || !check(digits)) continue;
      const start = match.index + match[0].length + number.index + number[0].length - number[1]!.length;
      push(out, kind, number[1]!, start);
    }
  }
}

function push(out: PatternHit[], kind: string, value: string, start: number): void {
  const end = start + value.length;
  if (out.some((hit) => hit.start < end && start < hit.end)) return;
  out.push({ detector: 'national-id', kind, value, start, end });
}
