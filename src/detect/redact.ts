import { createHash } from 'node:crypto';

const DOTS = '•••';

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/**
 * A form of the value safe to print: enough to recognise it, never the whole of it (at most about a
 * third of its characters).
 */
export function redact(value: string, kind: string): string {
  const text = value.trim();
  if (text.length <= 3) return DOTS;
  const digits = text.replace(/\D/g, '');
  if (kind === 'email' || (/^[^\s@]+@[^\s@]+$/.test(text) && kind !== 'token')) {
    const [local = '', domain = ''] = text.split('@');
    const tld = domain.includes('.') ? domain.slice(domain.lastIndexOf('.')) : '';
    return `${local.slice(0, Math.min(2, Math.floor(local.length / 3)))}${DOTS}@${DOTS}${tld}`;
  }
  if (kind === 'ssn' || kind === 'us-ssn') return `•••-••-${digits.slice(-Math.min(4, Math.floor(digits.length / 3)))}`;
  if (['card', 'visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners', 'unionpay', 'phone'].includes(kind) || (digits.length >= 7 && digits.length >= text.length * 0.6)) {
    return `${DOTS} ${digits.slice(-Math.min(4, Math.floor(digits.length / 3)))}`;
  }
  if (/\s/.test(text) && text.length < 80) {
    // Names, addresses, sentences: the first letter of each word.
    return text.split(/\s+/).map((word) => `${word[0] ?? ''}${DOTS}`).join(' ');
  }
  return `${text.slice(0, Math.min(4, Math.floor(text.length / 3)))}${DOTS}`;
}
