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

/**
 * Calls a validator that reports a rejection with an Error (stdnum builds one per invalid number,
 * libphonenumber throws and catches its own) without the stack trace each would capture: most
 * candidates are rejected, and the trace costs far more than the check. Results are unchanged.
 */
export function withoutStackTraces<T>(check: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return check();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
