import type { Detector } from '../types.ts';

/** A piece of personal data found by its shape and then validated beyond its shape. */
export interface PatternHit {
  detector: Exclude<Detector, 'canary'>;
  kind: string;
  value: string;
  /** Where the value stands in the scanned string. */
  start: number;
  end: number;
}

/** True when the character before `start` or at `end` continues a letter/digit run. */
export function insideWord(text: string, start: number, end: number): boolean {
  return isAlnum(text.charCodeAt(start - 1)) || isAlnum(text.charCodeAt(end));
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
