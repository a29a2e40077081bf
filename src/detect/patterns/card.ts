import type { PatternHit } from './pattern-hit.ts';

/**
 * 13-19 digits, optionally grouped by single spaces or dashes, not inside a longer number, a decimal or
 * a word. An identifier's or file name's own separators may touch it ("receipt_4111….pdf",
 * "card-4111…", "4111….png"), unless a digit stands beyond them (another number's part).
 */
const CARD = /(?<![A-Za-z0-9]|\d[_.,-])\d(?:[ -]?\d){12,18}(?![A-Za-z0-9]|[_.,-]\d)/g;

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  }
  return sum % 10 === 0;
}

/** Card network by issuer prefix (IIN) and length; undefined for numbers no network issues. */
export function cardNetwork(digits: string): string | undefined {
  const len = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4' && (len === 13 || len === 16 || len === 19)) return 'visa';
  if (((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) && len === 16) return 'mastercard';
  if ((p2 === 34 || p2 === 37) && len === 15) return 'amex';
  if ((p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) && len >= 16 && len <= 19) return 'discover';
  if (p4 >= 3528 && p4 <= 3589 && len >= 16 && len <= 19) return 'jcb';
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39 || p4 === 3095) return len >= 14 && len <= 19 ? 'diners' : undefined;
  if (p2 === 62 && len >= 16 && len <= 19) return 'unionpay';
  return undefined;
}

/**
 * Separators as card numbers are printed: one kind throughout, every group but the last at least four
 * digits (4-4-4-4, Amex 4-6-5, Diners 4-6-4), at most five groups. "1 2 3 4 5 6 …" is not a card.
 */
function groupedLikeACard(text: string): boolean {
  const separator = /[ -]/.exec(text)?.[0];
  if (!separator) return true;
  if (text.includes(separator === ' ' ? '-' : ' ')) return false;
  const groups = text.split(separator);
  return groups.length <= 5 && groups.slice(0, -1).every((group) => group.length >= 4);
}

/** Payment cards. Precision: a known network's prefix and length, Luhn-valid, grouped like a card. */
export function findCards(text: string, out: PatternHit[]): void {
  CARD.lastIndex = 0;
  for (let match = CARD.exec(text); match; match = CARD.exec(text)) {
    const raw = match[0];
    const digits = raw.replace(/[ -]/g, '');
    const network = cardNetwork(digits);
    if (!network || !luhnValid(digits) || !groupedLikeACard(raw)) continue;
    out.push({ detector: 'card', kind: network, value: raw, start: match.index, end: match.index + raw.length });
  }
}
