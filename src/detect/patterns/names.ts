import { COMMON_WORDS, GIVEN_NAMES, SURNAMES } from './name-lists.ts';
import { PLACE_PAIRS, REGIONS } from './place-list.ts';
import type { PatternHit } from './pattern-hit.ts';

/**
 * Person names and street addresses nobody planted: a staging database's own users in an admin
 * table, an order's shipping address. Dictionaries (scripts/build-name-lists.mjs) and context rules,
 * tuned for precision: UI text (headings, buttons, product names, menus) must stay quiet.
 */

/**
 * The dictionaries (scripts/build-name-lists.mjs), built on first use (a scan with pattern detectors
 * off never pays for them) into one open-addressing hash table of lower-case words and their
 * NAME_ flags, its words kept as offsets into the lists (every scan thread builds it), and a
 * capitalised ASCII word of the text is looked up where it stands, without a slice or toLowerCase
 * (a product table or a JSON body has thousands).
 */
const NAME_GIVEN = 1;
const NAME_SURNAME = 2;
/** Names that are also English words ("Max", "Price", "Rose", "Gold"): never two of them alone. */
const NAME_COMMON = 4;
/** Two-word place names ("san diego", "hong kong", looked up with their space) and one-word countries and states. */
const PLACE_PAIR = 8;
const PLACE_REGION = 16;
let loaded = false;
/** The five lists (names, common words, places) joined by '|', one flat string: an entry is a word of it, by offset and length. */
let source = '';
let starts: Int32Array;
let lengths: Int32Array;
let hashes: Int32Array;
let flags: Uint8Array;
let entries = 0;
/** Slot → entry index + 1 (0: empty). */
let table: Int32Array;
let mask = 0;

/**
 * Reads the lists in place: each word is hashed as it is read and entered by its offset. No string
 * is made per word: 55,000 strings kept for the whole scan, on each scan thread, made every full
 * garbage collection mark them again.
 */
function load(): void {
  const lists = [GIVEN_NAMES, SURNAMES, COMMON_WORDS, PLACE_PAIRS, REGIONS] as const;
  const listFlags = [NAME_GIVEN, NAME_SURNAME, NAME_COMMON, PLACE_PAIR, PLACE_REGION] as const;
  source = lists.join('|');
  let total = lists.length;
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 124) total++;
  starts = new Int32Array(total);
  lengths = new Int32Array(total);
  hashes = new Int32Array(total);
  flags = new Uint8Array(total);
  let size = 1;
  while (size < total * 2) size *= 2;
  table = new Int32Array(size);
  mask = size - 1;
  let at = 0;
  for (let list = 0; list < lists.length; list++) {
    const end = at + lists[list]!.length;
    // Every '|'-separated word of the list, as split('|') gives them (an empty one too).
    for (let from = at; from <= end; ) {
      let h = 0x811c9dc5;
      let to = from;
      for (; to < end; to++) {
        const c = source.charCodeAt(to);
        if (c === 124) break;
        h = Math.imul(h ^ c, 0x01000193);
      }
      enter(from, to, h, listFlags[list]!);
      from = to + 1;
    }
    at = end + 1;
  }
  loaded = true;
}

/** Adds source[from, to) with its flag, or the flag to the entry already holding that word. */
function enter(from: number, to: number, h: number, flag: number): void {
  let slot = h & mask;
  for (; table[slot] !== 0; slot = (slot + 1) & mask) {
    const e = table[slot]! - 1;
    if (hashes[e] === h && isEntry(e, source, from, to)) {
      flags[e] = flags[e]! | flag;
      return;
    }
  }
  table[slot] = entries + 1;
  starts[entries] = from;
  lengths[entries] = to - from;
  hashes[entries] = h;
  flags[entries] = flag;
  entries++;
}

/** Whether entry e is text[from, to), exactly. */
function isEntry(e: number, text: string, from: number, to: number): boolean {
  const length = to - from;
  if (lengths[e] !== length) return false;
  const start = starts[e]!;
  for (let k = 0; k < length; k++) if (text.charCodeAt(from + k) !== source.charCodeAt(start + k)) return false;
  return true;
}

/** FNV-1a of a lower-case word (the same as holdsKnownName's hash of an ASCII word as it stands). */
function wordHash(word: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < word.length; k++) h = Math.imul(h ^ word.charCodeAt(k), 0x01000193);
  return h;
}

/** The NAME_ flags of a lower-case word (0: in no list). */
function flagsOf(word: string): number {
  const h = wordHash(word);
  for (let slot = h & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
    const e = table[slot]! - 1;
    if (hashes[e] === h && isEntry(e, word, 0, word.length)) return flags[e]!;
  }
  return 0;
}

/** The NAME_ flags of an ASCII word text[from, to) of hash `h`, compared in lower case. */
function asciiNameFlags(text: string, from: number, to: number, h: number): number {
  const length = to - from;
  for (let slot = h & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
    const e = table[slot]! - 1;
    if (hashes[e] !== h || lengths[e] !== length) continue;
    const start = starts[e]!;
    let k = 0;
    while (k < length && (text.charCodeAt(from + k) | 32) === source.charCodeAt(start + k)) k++;
    if (k === length) return flags[e]!;
  }
  return 0;
}

/** A capitalised word: "Maria", "O'Connor", "McDonald", "Jean-Luc", "Łukasz"; not "USA", not "iPhone". */
const WORD = String.raw`\p{Lu}[\p{L}'’]*\p{Ll}(?:-\p{Lu}[\p{L}'’]*\p{Ll})?`;
const PARTICLES = String.raw`(?:van|von|de|da|del|della|der|den|di|du|dos|das|le|la|bin|ibn|al|ter|ten)`;
/** Given name, an optional middle name or initial, optional particles, surname; nothing word-like around. */
const FULL_NAME = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@.\/\\#$&+-])(${WORD})(?:\s+(?:\p{Lu}\.|${WORD}))?(?:\s+${PARTICLES}){0,2}\s+(${WORD})(?![\p{L}\p{N}_@\/\\-]|\.\p{L})`,
  'gu',
);
/** A table cell holding "Surname, Given" and nothing else. */
const SURNAME_FIRST = new RegExp(String.raw`^\s*(${WORD}),\s+(${WORD})(?:\s+${WORD})?\s*$`, 'u');
/** A cell holding exactly two capitalised words. */
const CELL = new RegExp(String.raw`^\s*(${WORD})\s+(${WORD})\s*$`, 'u');

const has = (word: string, flag: number) => (flagsOf(word) & flag) !== 0;
const isGiven = (word: string) => has(word.toLowerCase(), NAME_GIVEN) || (word.includes('-') && has(word.slice(0, word.indexOf('-')).toLowerCase(), NAME_GIVEN));
/** Any name (given or family) of any culture: "Wei", "Kwame", "Mensah". */
const isName = (word: string) => has(word.toLowerCase(), NAME_SURNAME) || isGiven(word);
const isSurname = (word: string) => has(word.toLowerCase(), NAME_SURNAME) || has(word.toLowerCase().replace(/^(?:mc|mac|o['’])/, ''), NAME_SURNAME);
const isCommon = (word: string) => has(word.toLowerCase(), NAME_COMMON);

/** Words that begin place names, not people's names: "San Diego", "Puerto Rico", "Monte Carlo", "Rio Grande". */
const PLACE_FIRST = /^(?:san|santa|santo|s[ãa]o|los|las|porto|puerto|r[ií]o|monte|port|fort|mount|lake|cape|saint|st|costa|villa|ciudad|nueva|nuevo|punta|playa|cabo|isla|dar|hong|abu|tel|kuala|buenos|new|north|south|east|west|upper|lower|great)$/i;
/** Words that end the names of companies, teams and breeds, not people's: "Marvin Group", "Kenya Airways", "Devon Rex". */
const ORG_LAST = /^(?:inc|corp|co|ltd|llc|gmbh|group|holdings|partners|airways|airlines|air|bank|hotels?|studios?|labs?|media|foods|motors|systems|solutions|software|games|records|pictures|press|books|music|sports|club|fc|university|college|school|institute|foundation|church|hospital|clinic|salad|rex)$/i;
/** Words that end place names: "Victoria Falls", "Stone Harbor", "Palm Springs". */
const PLACE_LAST = /^(?:falls|harbou?r|springs|heights|creek|valley|islands?|canyon|lakes|hills|beach|bay)$/i;
/** A place (or an organisation), not a person: a known two-word place, a place's first or last word, "City, Country". */
function isPlace(first: string, last: string, comma = false): boolean {
  if (PLACE_FIRST.test(first) || PLACE_LAST.test(last) || ORG_LAST.test(last)) return true;
  if (comma) return has(last.toLowerCase(), PLACE_REGION);
  return has(`${first} ${last}`.toLowerCase(), PLACE_PAIR);
}

/**
 * Where a value fills a field of its own, as a table cell does: the whole string, a JSON string
 * value ("name":"Wei Zhang"), a URL parameter's value (?q=Wei Zhang&…), an HTML element's text in
 * markup (<td>Wei Zhang</td>). What is before `start` and after `end`, spaces aside, must open and
 * close the field.
 */
function fillsField(text: string, start: number, end: number): boolean {
  let i = start - 1;
  while (i >= 0 && text.charCodeAt(i) === 32) i--;
  let j = end;
  while (j < text.length && text.charCodeAt(j) === 32) j++;
  const before = i < 0 ? -1 : text.charCodeAt(i);
  const after = j >= text.length ? -1 : text.charCodeAt(j);
  // "…" closed by ": [ , before the quote (a value, not a key: a key is followed by a colon).
  if (before === 34) {
    if (after !== 34) return false;
    let k = i - 1;
    while (k >= 0 && text.charCodeAt(k) === 32) k--;
    const opener = k < 0 ? -1 : text.charCodeAt(k);
    return opener === -1 || opener === 58 || opener === 91 || opener === 44;
  }
  if (before === 61) return after === -1 || after === 38 || after === 35 || after === 59; // =…& =…# =…;
  if (before === 62) return after === 60; // >…<
  return before === -1 && after === -1;
}
/** A field's value written "Surname, Given": in a JSON string, a URL parameter or markup. */
const FIELD_SURNAME_FIRST = new RegExp(String.raw`(?:[:\[,]\s*"|=|>)\s*(${WORD}),\s+(${WORD})(?:\s+${WORD})?\s*(?="|&|#|;|<|$)`, 'gu');

/**
 * A known given name and a known surname, not both common words ("Maria Garcia", "Priya Nair",
 * "José de la Cruz" but not "Max Price" or "Rose Gold"); in a field of its own (a table cell, a JSON
 * string value, a URL parameter) also "Garcia, Maria", two names of any culture neither of which is
 * a common word ("Wei Zhang"), and a given name followed by an unknown capitalised non-word ("Anika
 * Wojtasiewicz"). Place names ("San Diego", "Paris, France") are not people.
 */
export function findNames(text: string, out: PatternHit[]): void {
  if (!loaded) load();
  if (!holdsKnownName(text)) return;
  const cell = text.length <= 80 ? (SURNAME_FIRST.exec(text) ?? undefined) : undefined;
  if (cell && surnameFirst(cell[1]!, cell[2]!)) {
    push(out, text, cell[0].trim());
    return;
  }
  // "Surname, Given" in a field: a comma and a space, and a field's opener.
  if (text.includes(', ') && (text.includes('"') || text.includes('=') || text.includes('>'))) {
    FIELD_SURNAME_FIRST.lastIndex = 0;
    for (let match = FIELD_SURNAME_FIRST.exec(text); match; match = FIELD_SURNAME_FIRST.exec(text)) {
      if (!surnameFirst(match[1]!, match[2]!)) continue;
      const start = match.index + match[0].indexOf(match[1]!);
      const end = match.index + match[0].trimEnd().length;
      out.push({ detector: 'person-name', kind: 'name', value: text.slice(start, end), start, end });
    }
  }
  FULL_NAME.lastIndex = 0;
  for (let match = FULL_NAME.exec(text); match; match = FULL_NAME.exec(text)) {
    const first = match[1]!;
    const last = match[2]!;
    const start = match.index;
    const end = start + match[0].length;
    if (out.some((h) => h.detector === 'person-name' && h.start < end && start < h.end)) continue;
    const inField = CELL.test(match[0]) && fillsField(text, start, end);
    // Two names of any culture, neither a given name we know nor a word, nor a country or state last ("Garuda Indonesia").
    if (!isGiven(first) && !(isName(first) && isName(last) && !isCommon(first) && !isCommon(last) && inField && !has(last.toLowerCase(), PLACE_REGION))) {
      // "Dear Maria Garcia": the run began one word early.
      FULL_NAME.lastIndex = match.index + first.length;
      continue;
    }
    if (isPlace(first, last)) continue;
    // "Emma de Vries": a particle before the last word marks it a surname.
    const particle = / (?:van|von|de|da|del|della|der|den|di|du|dos|das|le|la|bin|ibn|al|ter|ten) \S+$/.test(match[0]) && isGiven(first) && !isCommon(first);
    const known = particle || (isSurname(last) && !(isCommon(first) && isCommon(last)));
    const alone = !known && !isCommon(first) && !isCommon(last) && !isGiven(last) && inField && !has(last.toLowerCase(), PLACE_REGION);
    if (known || alone) out.push({ detector: 'person-name', kind: 'name', value: match[0], start, end });
  }
}

/** "Garcia, Maria": a surname, then a name, not both common words, not "Austin, Texas". */
function surnameFirst(surname: string, given: string): boolean {
  return isSurname(surname) && (isGiven(given) || isName(given)) && !(isCommon(surname) && isCommon(given)) && !isPlace(surname, given, true);
}

/**
 * Whether the text may hold a name findNames takes: the cheap test before the expressions. Some
 * capitalised word must be a known name; and as a match is only taken when its first word is a given
 * name or an uncommon name (or, in a "Surname, Given" cell, one of the two is), a text whose only
 * known names are common-word surnames ("Steel", "Silk", "Gold" in product names) holds none. That
 * second test needs the words read here to be the expressions' words: ASCII letters, no apostrophe
 * or hyphen joining them, no Mc/Mac that isSurname strips; otherwise the first test alone decides.
 */
function holdsKnownName(text: string): boolean {
  const n = text.length;
  /** A capitalised word is a known name (given or family). */
  let known = false;
  /** One is a given name, an uncommon family name, or a Mc/Mac word. */
  let taken = false;
  /** Only ASCII, no apostrophe or hyphen. */
  let plain = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // Most characters are small letters, digits or punctuation: none begins a word.
    if (c >= 97 && c <= 122) continue;
    if (c < 65) {
      if (c === 39 || c === 45) plain = false;
      continue;
    }
    if (c > 90) {
      if (c <= 127) continue;
      plain = false;
      if (c < 192 || c > 222) continue;
    }
    if (i > 0 && isLetter(text.charCodeAt(i - 1))) continue;
    // A capital after no letter: the word runs to the next non-letter, hashed on the way while ASCII.
    let ascii = c <= 127;
    let h = Math.imul(0x811c9dc5 ^ (c | 32), 0x01000193);
    let j = i + 1;
    for (; j < n; j++) {
      const d = text.charCodeAt(j);
      if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90)) h = Math.imul(h ^ (d | 32), 0x01000193);
      else if (d >= 192 && isLetter(d)) ascii = false;
      else break;
    }
    if (!ascii) plain = false;
    if (j - i >= 3) {
      let isGivenName: boolean;
      let isSurname: boolean;
      let isCommonWord: boolean;
      let mc: boolean;
      if (ascii) {
        const flags = asciiNameFlags(text, i, j, h);
        isGivenName = (flags & NAME_GIVEN) !== 0;
        isSurname = (flags & NAME_SURNAME) !== 0;
        isCommonWord = (flags & NAME_COMMON) !== 0;
        mc = (c | 32) === 109 && ((text.charCodeAt(i + 1) | 32) === 99 || ((text.charCodeAt(i + 1) | 32) === 97 && (text.charCodeAt(i + 2) | 32) === 99));
      } else {
        const word = text.slice(i, j).toLowerCase();
        const wordFlags = flagsOf(word);
        isGivenName = (wordFlags & NAME_GIVEN) !== 0;
        isSurname = (wordFlags & NAME_SURNAME) !== 0;
        isCommonWord = (wordFlags & NAME_COMMON) !== 0;
        mc = word.startsWith('mc') || word.startsWith('mac');
      }
      if (isGivenName) known = taken = true;
      else if (isSurname) {
        known = true;
        if (!isCommonWord) taken = true;
      }
      if (mc) taken = true;
      if (known && taken) return true;
    }
    // The character at j is no letter: it cannot begin a word, but it is looked at (apostrophes, hyphens).
    i = j - 1;
  }
  return known && !plain;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 192 && c <= 591 && c !== 215 && c !== 247);
}

function push(out: PatternHit[], text: string, value: string): void {
  const start = text.indexOf(value);
  out.push({ detector: 'person-name', kind: 'name', value, start, end: start + value.length });
}

/** Street types that name a street on their own; weaker ones ("Court", "Place", "Way") need a city or postcode after. */
const STRONG_TYPES = 'Street|St|Avenue|Ave|Road|Rd|Lane|Ln|Drive|Dr|Boulevard|Blvd|Parkway|Pkwy|Highway|Hwy|Terrace|Crescent';
const WEAK_TYPES = 'Court|Ct|Way|Place|Pl|Close|Circle|Cir|Square|Sq|Trail|Row|Mews|Grove|Gardens|Walk|Hill|Park|Plaza';
const STREET_WORD = String.raw`(?:\p{Lu}[\p{L}'’.-]*|\d{1,3}(?:st|nd|rd|th))`;
/** A city after a comma, a US ZIP or a UK/CA/NL postcode: what makes "12 Elm Court" an address. */
const AFTER = String.raw`(?=,?\s*(?:(?:Apt|Suite|Unit|Flat)\.?\s*\w+,?\s*)?(?:,\s*\p{Lu}\p{Ll}|\d{5}|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d))`;
const ENGLISH = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,$€£:/#-])\d{1,5}[A-Za-z]?(?:-\d{1,5})?,?\s+(?:(?:[NSEW]\.?|North|South|East|West)\s+)?${STREET_WORD}(?:\s+${STREET_WORD}){0,3}\s+(?:(?:${STRONG_TYPES})\b\.?|(?:${WEAK_TYPES})\b\.?${AFTER})`,
  'gu',
);
/** "Hauptstraße 12", "Keizersgracht 123", "Storgatan 5", "Lindenweg 7a". */
const GLUED = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\p{Lu}[\p{L}-]*(?:straße|strasse|str\.|weg|gasse|platz|allee|ring|damm|ufer|straat|laan|gracht|plein|kade|singel|gatan|gata|vägen|vej)\s+\d{1,4}[a-z]?(?![\p{L}\p{N}])`,
  'gu',
);
/** "12 rue de la Paix", "221 bis, avenue Victor Hugo". */
const NUMBER_FIRST = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])\d{1,4}(?:\s?(?:bis|ter))?,?\s+(?:rue|avenue|boulevard|bd|allée|impasse|chemin|quai|cours)\s+(?:(?:de|du|des|la|le)\s+|[ld]['’])*\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}`,
  'gu',
);
/** "Calle Mayor 12", "Via Roma, 10", "Rua Augusta 100", "Avenida de la Constitución 5". */
const TYPE_FIRST = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:Calle|Avenida|Carrer|Rua|Via|Viale|Piazza|Corso|Largo|Plaza|Paseo|Ulica|ul\.)\s+(?:(?:de|del|di|da|do|dos|das|della|de la)\s+)*\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,3},?\s+(?:n\.?\s*)?\d{1,4}[a-zA-Z]?(?![\p{L}\p{N}])`,
  'gu',
);

/** Street addresses: a house number and a street name with its type, in English, German/Dutch/Nordic, French and Southern European orders. */
/**
 * What each expression's match holds, by a plain expression a string is tested with first (the full
 * ones, Unicode classes behind a lookbehind, are tried at every position): a house number before a
 * space, or after one.
 */
const ADDRESS_PATTERNS: readonly (readonly [RegExp, RegExp])[] = [
  [ENGLISH, /\d[A-Za-z]?,?\s/],
  [GLUED, /\s\d/],
  [NUMBER_FIRST, /\d(?:\s?(?:bis|ter))?,?\s/],
  [TYPE_FIRST, /\s(?:n\.?\s*)?\d/],
];

export function findAddresses(text: string, out: PatternHit[]): void {
  for (const [pattern, maybe] of ADDRESS_PATTERNS) {
    if (!maybe.test(text)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      const start = match.index;
      const end = start + match[0].length;
      if (out.some((h) => h.detector === 'street-address' && h.start < end && start < h.end)) continue;
      out.push({ detector: 'street-address', kind: 'address', value: match[0], start, end });
    }
  }
}

/**
 * The cheap test before either: a capital followed by a small letter, and a space, in a string short
 * enough to be a cell, a label or a line of text.
 */
const SPACE = /[ \u00a0\u202f]/;

export function mayHoldWords(text: string): boolean {
  const n = text.length;
  if (n < 7 || n > 4096 || !SPACE.test(text)) return false;
  for (let i = 0; i < n - 1; i++) {
    const c = text.charCodeAt(i);
    if (((c >= 65 && c <= 90) || (c >= 192 && c <= 222)) && isLower(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

function isLower(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 223 && c <= 255);
}
