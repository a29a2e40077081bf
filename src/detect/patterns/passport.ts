// One module, not stdnum's index (see national-id.ts): only Germany's passport number has a check digit of its own.
import * as dePassport from 'stdnum/lib/cjs/de/passport.js';
import { type PatternHit, withoutStackTraces } from './pattern-hit.ts';

/**
 * Passports. A passport number has no checksum of its own (but Germany's, when its check digit is
 * written), and its shapes (nine digits, a letter and seven digits) are every order number's: it is
 * only taken right after a passport label, in the text ("Passport No.: 533380006"), a field name
 * (`passport_number=…`) or a JSON key (`"passportNumber":"…"`). The machine-readable zone of a
 * passport's data page (ICAO 9303 TD3) carries its own check digits and is taken anywhere.
 */

/** Labels in English, German, French, Spanish/Turkish, Italian/Portuguese, Dutch and Polish; lower case, as the automaton reads them. */
export const PASSPORT_TRIGGERS = ['passport', 'reisepass', 'passnummer', 'passnr', 'passeport', 'pasaport', 'passaport', 'paspoort', 'paszport'] as const;
const LABEL = String.raw`(?:passport|reisepass|passnummer|pass[\s.-]?nr\.?|passeport|pasaport[eu]?|passaport[eo]|paspoort|paszport[u]?)`;
/** The words a label goes on with before its value: "Passport No.", "passport_number", "Reisepassnummer", "passeport n°". */
const TAIL = String.raw`(?:[\s_.-]?(?:numbers?|num|no|nr|nº|n°|#|id|nummer|num[ée]ro|n[úu]mero|numer|nbr|numaras[ıi]|n\.))?\.?`;
/** What stands between the label and its value: a colon, an equals sign, quotes and braces of a JSON key, a few spaces. */
const SEP = String.raw`[\s"'\x60:=#(){}\[\]\\/|,-]{0,8}`;
/** The value: a run of letters and digits (a space or dash inside, as some forms print it), nothing alphanumeric after. */
const VALUE = String.raw`([A-Za-z0-9]{1,3}[ -]?[A-Za-z0-9]{5,9})(?![A-Za-z0-9]|[ -][A-Za-z0-9])`;
const LABELLED = new RegExp(`${LABEL}${TAIL}${SEP}(?:(?:number|no|nr|nummer|num[ée]ro|n[úu]mero)\\.?${SEP})?(?<![A-Za-z0-9])${VALUE}`, 'gi');
/** A key or attribute name that is a passport label (the whole string under it is the value). */
const LABEL_KEY = new RegExp(`${LABEL}`, 'i');

/**
 * The union of the main markets' formats (issuers' published formats; the same table as validator.js's
 * isPassportNumber, with the US Next Generation Passport's letter + 8 digits it lacks). A label rarely
 * names the country, so a value is taken when it is any of them.
 */
const FORMATS: readonly RegExp[] = [
  /^\d{9}$/, // US, UK, Denmark, Russia, Croatia, Bulgaria
  /^[A-Z]\d{7,8}$/, // US (2021+), India, Australia, Switzerland, Austria, Turkey, Korea, China (G), Iran
  /^[A-Z]{2}\d{6,7}$/, // Canada, Brazil, Belgium, Ukraine (6); Japan, Poland, Finland, Greece, Pakistan, Australia (7)
  /^\d{2}[A-Z]{2}\d{5}$/, // France
  /^[A-Z]{3}\d{6}$/, // Spain, Argentina
  /^[A-Z0-9]{2}\d{7}$/, // Italy, Ireland, Latvia
  /^[A-NP-Z]{2}[A-NP-Z0-9]{6}\d$/, // Netherlands (no letter O)
];
/** Germany: nine characters of its alphabet, the first the issuing authority's; a tenth, when written, is the 7-3-1 check digit. */
const GERMAN = /^[CFGHJK][CFGHJKLMNPRTVWXYZ0-9]{8}\d?$/;

/** Placeholders forms print as examples: one repeated character, a counting run. */
function placeholder(compact: string): boolean {
  return /^(.)\1+$/.test(compact) || '0123456789'.includes(compact) || '9876543210'.includes(compact) || /^[A-Z]?(?:123456789|12345678|1234567)$/.test(compact);
}

/** Whether a compact upper-case string is a passport number of one of the formats. */
export function passportNumberValid(compact: string): boolean {
  if (compact.length < 8 || compact.length > 10 || placeholder(compact)) return false;
  if (GERMAN.test(compact) && /[A-Z]/.test(compact)) {
    if (compact.length === 10) return withoutStackTraces(() => dePassport.validate(compact).isValid === true);
    return true;
  }
  return compact.length <= 9 && FORMATS.some((format) => format.test(compact));
}

/** Passport numbers right after a passport label in the text. */
export function findPassportNumbers(text: string, out: PatternHit[]): void {
  LABELLED.lastIndex = 0;
  for (let match = LABELLED.exec(text); match; match = LABELLED.exec(text)) {
    const value = match[1]!;
    const start = match.index + match[0].length - value.length;
    if (!passportNumberValid(value.replace(/[ -]/g, '').toUpperCase())) {
      // "Passport number / Numéro de passeport: …": what was read as a value may hold the next label.
      LABELLED.lastIndex = start;
      continue;
    }
    out.push({ detector: 'passport', kind: 'passport-number', value, start, end: start + value.length });
  }
}

/** Whether a key or attribute name labels a passport ("passportNumber", "passport_no", "data-passport"). */
export function isPassportKey(key: string): boolean {
  if (key.length < 6) return false;
  // Every label holds "pas": looked for without a regular expression (every attribute and payload string passes here).
  for (let i = key.length - 3; i >= 0; i--) {
    if ((key.charCodeAt(i) | 32) === 112 && (key.charCodeAt(i + 1) | 32) === 97 && (key.charCodeAt(i + 2) | 32) === 115) return LABEL_KEY.test(key);
  }
  return false;
}

/** A string that is the whole value under a passport key. */
export function findKeyedPassport(text: string, out: PatternHit[]): void {
  const value = text.trim();
  if (value.length > 12 || !passportNumberValid(value.replace(/[ -]/g, '').toUpperCase())) return;
  const start = text.indexOf(value);
  out.push({ detector: 'passport', kind: 'passport-number', value, start, end: start + value.length });
}

/** ICAO 9303 part 3 §4.9: characters weighted 7, 3, 1 in turn (digits as themselves, A-Z as 10-35, < as 0), sum mod 10. */
export function mrzCheckDigit(field: string): number {
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    const value = c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 90 ? c - 55 : 0;
    sum += value * [7, 3, 1][i % 3]!;
  }
  return sum % 10;
}

const digitAt = (line: string, i: number) => line.charCodeAt(i) - 48;
const realDate = (yymmdd: string) => {
  const m = Number(yymmdd.slice(2, 4));
  const d = Number(yymmdd.slice(4, 6));
  return m >= 1 && m <= 12 && d >= 1 && d <= 31;
};

/**
 * The second line of a TD3 machine-readable zone: document number, nationality, birth date, sex,
 * expiry, personal number, each number with its check digit, and the composite check over them all.
 */
export function mrzLine2Valid(line: string): boolean {
  if (!/^[A-Z0-9<]{9}\d[A-Z<]{3}\d{7}[MFX<]\d{7}[A-Z0-9<]{14}[0-9<]\d$/.test(line)) return false;
  if (/^<+$/.test(line.slice(0, 9)) || !realDate(line.slice(13, 19)) || !realDate(line.slice(21, 27))) return false;
  if (mrzCheckDigit(line.slice(0, 9)) !== digitAt(line, 9)) return false;
  if (mrzCheckDigit(line.slice(13, 19)) !== digitAt(line, 19)) return false;
  if (mrzCheckDigit(line.slice(21, 27)) !== digitAt(line, 27)) return false;
  const personal = line.slice(28, 42);
  const personalCheck = line[42] === '<' ? 0 : digitAt(line, 42);
  if (mrzCheckDigit(personal) !== personalCheck) return false;
  return mrzCheckDigit(line.slice(0, 10) + line.slice(13, 20) + line.slice(21, 43)) === digitAt(line, 43);
}

/** The first line: P, a type letter or <, the issuing state, then SURNAME<<GIVEN<NAMES padded with <. */
const MRZ_LINE1 = /^P[A-Z<][A-Z<]{3}[A-Z]+(?:<[A-Z]+)*<<[A-Z]+(?:<[A-Z]+)*<*$/;
/** 44 characters of the MRZ alphabet, nothing of it around. */
const MRZ_RUN = /(?<![A-Z0-9<])[A-Z0-9<]{44}(?![A-Z0-9<])/g;

/** TD3 machine-readable zones: a validated second line, or a first line (the holder's name). */
export function findMrz(text: string, out: PatternHit[]): void {
  MRZ_RUN.lastIndex = 0;
  for (let match = MRZ_RUN.exec(text); match; match = MRZ_RUN.exec(text)) {
    const line = match[0];
    if (mrzLine2Valid(line) || (line.charCodeAt(0) === 80 && MRZ_LINE1.test(line))) {
      out.push({ detector: 'passport', kind: 'passport-mrz', value: line, start: match.index, end: match.index + 44 });
    }
  }
}

/** The cheap test before findMrz: long enough, and the filler run every TD3 line has. */
export function mayHoldMrz(text: string): boolean {
  return text.length >= 44 && text.includes('<<');
}
