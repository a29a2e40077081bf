/**
 * How the engine compares text: case-folded, with separators skipped. One definition shared by the
 * automaton (which folds and skips while it scans) and by code that maps a match back to the text.
 */

/**
 * Separators people and apps put inside cards, phones, SSNs and names: whitespace, dashes, dots,
 * parentheses, and '+' (a space in a URL query). Skipping them gives a value's "skeleton".
 */
const ASCII_SEPARATORS = [9, 10, 11, 12, 13, 32, 40, 41, 43, 45, 46];
/** No-break, thin and other Unicode spaces, Unicode dashes and the minus sign. */
const UNICODE_SEPARATORS = [0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x2212, 0x3000, 0xfeff];

let foldTable: Uint16Array | undefined;
let separatorTable: Uint8Array | undefined;

/**
 * code unit → its lower-case code unit (itself when lower-casing would change the length), accents
 * folded: a letter that decomposes into a base letter and combining marks becomes the base letter
 * ("É" → "e"), as apps fold names into URL slugs ("José Müller" → "jose-muller").
 */
export function folds(): Uint16Array {
  if (foldTable) return foldTable;
  foldTable = new Uint16Array(65536);
  for (let code = 0; code < 65536; code++) {
    const lower = String.fromCharCode(code).toLowerCase();
    let folded = lower.length === 1 ? lower.charCodeAt(0) : code;
    if (code >= 0xc0 && lower.length === 1) {
      const parts = lower.normalize('NFD');
      if (parts.length > 1 && /^[\u0300-\u036f]+$/.test(parts.slice(1))) folded = parts.charCodeAt(0);
    }
    foldTable[code] = folded;
  }
  return foldTable;
}

/** Lower case, accents folded (the fold table's mapping, for whole strings). */
export function foldText(text: string): string {
  const fold = folds();
  let out = '';
  for (let i = 0; i < text.length; i++) out += String.fromCharCode(fold[text.charCodeAt(i)]!);
  return out;
}

/** code unit → 1 when it is a separator. */
export function separators(): Uint8Array {
  if (separatorTable) return separatorTable;
  separatorTable = new Uint8Array(65536);
  for (const code of ASCII_SEPARATORS) separatorTable[code] = 1;
  for (const code of UNICODE_SEPARATORS) separatorTable[code] = 1;
  for (let code = 0x2000; code <= 0x200a; code++) separatorTable[code] = 1;
  for (let code = 0x2010; code <= 0x2015; code++) separatorTable[code] = 1;
  return separatorTable;
}

/** The value folded to lower case with every separator removed: "(523) 380-4676" → "5233804676". */
export function skeleton(text: string): string {
  const fold = folds();
  const sep = separators();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (sep[code] === 0) out += String.fromCharCode(fold[code]!);
  }
  return out;
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || (code >= 0xc0 && code !== 0xd7 && code !== 0xf7 && code <= 0x24f);
}

export function isWordChar(code: number): boolean {
  return isDigit(code) || isLetter(code);
}
