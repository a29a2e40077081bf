import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { Automaton, type AutomatonParts } from './aho-corasick.ts';
import { HINT_TRIGGERS } from './patterns/index.ts';
import { skeleton } from './text-folding.ts';
import type { Canary } from './types.ts';

/** What a pattern in the automaton stands for. */
export const ROLE_CANARY = 0;
export const ROLE_BASE64 = 1;
export const ROLE_HINT = 2;

/** Characters that call for a decoded view of the string, noted by the automaton's single pass. */
export const HINT_PERCENT = 1 << 8;
export const HINT_BACKSLASH = 1 << 9;
export const HINT_AMPERSAND = 1 << 10;
const DECODE_TRIGGERS: readonly (readonly [string, number])[] = [
  ['%', HINT_PERCENT],
  ['\\', HINT_BACKSLASH],
  ['&', HINT_AMPERSAND],
];

/**
 * Canaries shorter than this (a CVV "616", a two-letter initial) are everywhere by chance: inside
 * timestamps, ids, coordinates, words. They are matched only exactly (no case-folded, digits or base64
 * forms; a URL/JSON/HTML-decoded string may still hold them exactly) and only as whole tokens: not
 * preceded or followed by a letter or digit. Numeric canaries of fewer than SHORT_NUMBER digits (a
 * PIN, a ZIP code, a year) likewise match only as whole tokens, in any form.
 */
export const SHORT_CANARY = 4;
const SHORT_NUMBER = 7;
/** Base64 needs this many stable characters before a match means anything (60 bits). */
const MIN_BASE64_MIDDLE = 10;
/**
 * The automaton holds only this many leading characters of each base64 form (72 bits, folded to
 * lower case): enough to make chance hits vanishingly rare, few states for the table. A hit is then
 * checked against the whole form, case and all.
 */
const BASE64_PREFIX = 12;

export interface PreparedCanary {
  canary: Canary;
  value: string;
  lower: string;
  skeleton: string;
  /** Shorter than SHORT_CANARY: exact whole-token matches only. */
  short: boolean;
  /** Short, or a short number: whole-token matches only. */
  wholeToken: boolean;
}

export interface PatternTable {
  automaton: Automaton;
  role: Uint8Array;
  /** Canary index for canary and base64 patterns, hint bit for hints. */
  owner: Int32Array;
  /** For base64 patterns: the whole form (case-sensitive) a hit on its prefix must continue into. */
  exact: (string | undefined)[];
  canaries: PreparedCanary[];
  /** Longest canary skeleton: how much text a stream must keep to catch a value split across pieces. */
  longestCanary: number;
  /** Shortest string that can hold any pattern (shorter strings outside streams are skipped). */
  shortestCanary: number;
}

/** A pattern table as it travels to another thread (the automaton as its tables). */
export type PatternTableParts = Omit<PatternTable, 'automaton'> & { automaton: AutomatonParts };

export function tableParts(table: PatternTable): PatternTableParts {
  return { ...table, automaton: table.automaton.parts() };
}

/** The table another thread built and sent (tableParts): the same table, not built again. */
export function tableFromParts(parts: PatternTableParts): PatternTable {
  return { ...parts, automaton: new Automaton(parts.automaton) };
}

/**
 * Base64 of `value` when it sits at byte offset 0, 1 or 2 (mod 3) inside a larger blob: only the
 * characters made of the value's bits alone, which appear whatever surrounds it.
 */
export function base64Middles(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const out: string[] = [];
  for (let align = 0; align < 3; align++) {
    const encoded = Buffer.concat([Buffer.alloc(align), bytes]).toString('base64');
    // Character j holds bits [6j, 6j+6); the value holds bits [8·align, 8·(align+n)).
    const first = Math.ceil((8 * align) / 6);
    const last = Math.floor((8 * (align + bytes.length)) / 6);
    const middle = encoded.slice(first, last);
    if (middle.length >= MIN_BASE64_MIDDLE) out.push(middle, middle.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...new Set(out)];
}

/** Other ways a planted phone number is written: E.164 ("+14155552671") and the national format. */
function phoneVariants(value: string): string[] {
  const digits = value.replace(/\D/g, '');
  if (digits.length < SHORT_NUMBER || digits.length > 15 || /[^\d\s+().-]/.test(value)) return [];
  const phone = parsePhoneNumberFromString(value, 'US');
  if (!phone?.isValid()) return [];
  return [phone.number, phone.formatNational()];
}

export function buildPatternTable(canaries: readonly Canary[]): PatternTable {
  const patterns: string[] = [];
  const role: number[] = [];
  const owner: number[] = [];
  const exact: (string | undefined)[] = [];
  const add = (pattern: string, r: number, o: number, e?: string) => {
    patterns.push(pattern);
    role.push(r);
    owner.push(o);
    exact.push(e);
  };
  const prepared: PreparedCanary[] = [];
  let longestCanary = 0;
  let shortestCanary = Infinity;
  for (const canary of canaries) {
    const value = canary.value;
    const base = skeleton(value);
    if (!base) continue;
    const index = prepared.length;
    const short = value.length < SHORT_CANARY;
    const wholeToken = short || (/^\d+$/.test(base) && base.length < SHORT_NUMBER);
    prepared.push({ canary, value, lower: value.toLowerCase(), skeleton: base, short, wholeToken });
    longestCanary = Math.max(longestCanary, base.length);
    shortestCanary = Math.min(shortestCanary, base.length);
    const variants = new Set([base, ...(short ? [] : phoneVariants(value).map(skeleton))]);
    for (const variant of variants) add(variant, ROLE_CANARY, index);
    if (!short) for (const middle of base64Middles(value)) add(skeleton(middle.slice(0, BASE64_PREFIX)), ROLE_BASE64, index, middle);
  }
  for (const [trigger, bit] of [...HINT_TRIGGERS, ...DECODE_TRIGGERS]) add(trigger, ROLE_HINT, bit);
  return {
    automaton: new Automaton(patterns),
    role: Uint8Array.from(role),
    owner: Int32Array.from(owner),
    exact,
    canaries: prepared,
    longestCanary,
    shortestCanary,
  };
}
