import { createHash } from 'node:crypto';

const DOTS = '•••';
const CARD_KINDS = new Set(['card', 'visa', 'mastercard', 'amex', 'discover', 'jcb', 'diners', 'unionpay']);
const WORD_KINDS = new Set(['fullName', 'firstName', 'lastName', 'name', 'streetAddress', 'address', 'city']);
/** Secrets and account numbers: a short prefix says which kind of token it is, nothing more. */
const TOKEN_KINDS = new Set(['token', 'jwt', 'bearer', 'apikey', 'iban', 'aws-access-key', 'github-token', 'stripe-key', 'slack-token', 'google-api-key', 'openai-key', 'npm-token', 'gitlab-token', 'sendgrid-key', 'twilio-key', 'bitcoin-address', 'ethereum-address']);
/** Values of which not even a prefix is shown. */
const SECRET_KINDS = new Set(['password', 'cvv', 'pin', 'cardExpiry', 'private-key', 'url-password', 'passport-mrz']);

export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** How many characters of an n-character value may be shown: about a third. */
function budget(n: number): number {
  return Math.ceil(n / 3);
}

function lastDigits(value: string, max: number): string {
  const digits = value.replace(/\D/g, '');
  return digits.slice(-Math.min(max, budget(value.length)));
}

function redactEmail(value: string): string {
  const at = value.lastIndexOf('@');
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  const head = local.slice(0, Math.min(2, Math.floor(local.length / 3)));
  const dot = domain.lastIndexOf('.');
  const tld = dot >= 0 ? domain.slice(dot) : '';
  return `${head}${DOTS}@${DOTS}${head.length + tld.length <= budget(value.length) ? tld : ''}`;
}

/**
 * Words (a name, an address, a sentence): a fixed-width form. Neither initials nor word lengths are
 * shown: "A•• E••••" would give away both, and a short name is guessable from them. Where it was
 * found (event, node, path) is what a reader needs to fix it.
 */
function redactWords(value: string): string | undefined {
  const words = value.split(/\s+/).filter(Boolean);
  if (words.length > budget(value.replace(/\s/g, '').length)) return undefined;
  return `${DOTS}${DOTS}`;
}

function redactToken(value: string): string {
  return `${value.slice(0, Math.min(4, Math.floor(value.length / 3)))}${DOTS}`;
}

/**
 * A form of a found value that is safe to print: enough to recognise it, never the whole of it and
 * never more than about a third of its characters. `kind` is a canary kind or a detector's kind.
 */
export function redact(value: string, kind: string): string {
  const text = value.trim();
  if (text.length <= 3 || SECRET_KINDS.has(kind)) return DOTS;
  const digits = text.replace(/\D/g, '').length;
  let out: string | undefined;
  if (TOKEN_KINDS.has(kind)) out = redactToken(text);
  else if (kind === 'email' || (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text) && !WORD_KINDS.has(kind))) out = redactEmail(text);
  else if (kind === 'ssn' || kind === 'us-ssn') out = `•••-••-${lastDigits(text, 4)}`;
  else if (CARD_KINDS.has(kind) || kind === 'phone' || (digits >= 7 && digits >= text.length * 0.6)) out = `•••• ${lastDigits(text, 4)}`;
  else if (WORD_KINDS.has(kind) || (/\s/.test(text) && text.length <= 80)) out = redactWords(text);
  out ??= redactToken(text);
  // Whatever the shape, the value itself never comes out.
  return out.includes(text) ? DOTS : out;
}
