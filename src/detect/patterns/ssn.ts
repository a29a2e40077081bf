import type { PatternHit } from './pattern-hit.ts';

// Dashes, or spaces as forms that accept them print it (one separator throughout); a group that continues
// a longer run of digit groups (a phone, an account number) is not an SSN.
const SSN = /(?<![\w.-])(?<!\d )(\d{3})([- ])(\d{2})\2(\d{4})(?![\w]|[.-]\d| \d)/g;
/** Numbers printed in advertising and samples: never anybody's (Woolworth's wallet card, SSA's ad, the textbook one). */
const PUBLICISED = new Set(['078-05-1120', '219-09-9999', '123-45-6789']);

/** SSNs the SSA never issues: area 000, 666 or 900-999; group 00; serial 0000. */
export function validSsn(area: string, group: string, serial: string): boolean {
  const a = Number(area);
  if (a === 0 || a === 666 || a >= 900 || group === '00' || serial === '0000') return false;
  return !PUBLICISED.has(`${area}-${group}-${serial}`);
}

/** US social security numbers written AAA-GG-SSSS (or AAA GG SSSS). Precision: issued ranges only, publicised numbers excluded. */
export function findSsns(text: string, out: PatternHit[]): void {
  SSN.lastIndex = 0;
  for (let match = SSN.exec(text); match; match = SSN.exec(text)) {
    if (!validSsn(match[1]!, match[3]!, match[4]!)) continue;
    out.push({ detector: 'ssn', kind: 'us-ssn', value: match[0], start: match.index, end: match.index + match[0].length });
  }
}
