import { type PatternHit, insideWord } from './pattern-hit.ts';

const JWT = /(?<![\w-])eyJ[A-Za-z0-9_-]{12,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g;
/** RFC 6750's b64token alphabet. */
const BEARER = /\bbearer\s+([A-Za-z0-9\-._~+/]{16,}=*)/gi;

/**
 * Well-known API key formats, each with its documented shape (prefix, alphabet, exact length):
 * matched whole (nothing alphanumeric around them), then checked for randomness.
 */
const API_KEYS: readonly { kind: string; pattern: RegExp }[] = [
  // AWS access key ids: a resource prefix then 16 base32 characters.
  { kind: 'aws-access-key', pattern: /(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}/g },
  // GitHub: classic tokens are a prefix and 36 base62 characters; fine-grained PATs 22 + "_" + 59.
  { kind: 'github-token', pattern: /gh[pousr]_[A-Za-z0-9]{36}/g },
  { kind: 'github-token', pattern: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}/g },
  // Stripe: secret, restricted and publishable live keys, and secret test keys.
  { kind: 'stripe-key', pattern: /(?:sk|rk|pk)_live_[0-9A-Za-z]{24,247}|sk_test_[0-9A-Za-z]{24,247}/g },
  // Slack: bot tokens (two numeric ids and a 24+ secret), user tokens (three ids and a 32 hex secret),
  // legacy workspace and refresh tokens.
  { kind: 'slack-token', pattern: /xoxb-\d{10,13}-\d{10,13}-[A-Za-z0-9]{24,34}|xoxp-\d{10,13}-\d{10,13}-\d{10,13}-[A-Za-z0-9]{28,34}|xox[ars]-\d{1,2}-[A-Za-z0-9]{8,}(?:-[A-Za-z0-9]{8,}){1,3}/g },
  // Google API keys: "AIza" and 35 characters.
  { kind: 'google-api-key', pattern: /AIza[0-9A-Za-z_-]{35}/g },
  // OpenAI: every key format embeds "T3BlbkFJ" (base64 of "OpenAI") between its random halves.
  { kind: 'openai-key', pattern: /sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,74}T3BlbkFJ[A-Za-z0-9_-]{20,74}/g },
  // npm access tokens (gitleaks npm-access-token): "npm_" and 36 base62 characters.
  { kind: 'npm-token', pattern: /npm_[A-Za-z0-9]{36}/g },
  // GitLab personal access tokens (gitleaks gitlab-pat): "glpat-" and 20 characters (routable ones: more, a dot, a CRC).
  { kind: 'gitlab-token', pattern: /glpat-[0-9A-Za-z_-]{20}(?:[0-9A-Za-z_-]{7,280}\.[0-9a-z]{9})?/g },
];

/**
 * Keys with no trigger the automaton can hold cheaply ("sg", "sk" are in every page's words): looked
 * for in strings with digits, after a literal check.
 */
const DIGIT_KEYS: readonly { kind: string; literal: string; pattern: RegExp }[] = [
  // SendGrid (gitleaks sendgrid-api-token): "SG." then a 22-character id, a dot, a 43-character secret.
  { kind: 'sendgrid-key', literal: 'SG.', pattern: /SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}/g },
  // Twilio API key SIDs (gitleaks twilio-api-key): "SK" and 32 hex digits.
  { kind: 'twilio-key', literal: 'SK', pattern: /SK[0-9a-fA-F]{32}/g },
];

/**
 * Real keys are random: many distinct characters, no placeholder runs. Rejects "sk_live_xxxx…",
 * "AKIA" + "A" × 16 and documentation examples ending in EXAMPLE.
 */
export function looksRandom(secret: string): boolean {
  if (/EXAMPLE$|(.)\1{5}/i.test(secret)) return false;
  return new Set(secret).size >= Math.min(10, Math.ceil(secret.length / 3));
}

function jsonHeaderWithAlg(part: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && typeof (header as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** JWTs. Precision: three base64url parts, and the first decodes to a JSON header naming its `alg`. */
export function findJwts(text: string, out: PatternHit[]): void {
  JWT.lastIndex = 0;
  for (let match = JWT.exec(text); match; match = JWT.exec(text)) {
    if (!jsonHeaderWithAlg(match[0].slice(0, match[0].indexOf('.')))) continue;
    out.push({ detector: 'jwt', kind: 'jwt', value: match[0], start: match.index, end: match.index + match[0].length });
  }
}

/**
 * Bearer tokens in Authorization values. Precision: 16+ characters of the token alphabet with both
 * letters and digits ("Bearer authentication-required" is prose); JWTs are left to the JWT detector.
 */
export function findBearerTokens(text: string, out: PatternHit[]): void {
  BEARER.lastIndex = 0;
  for (let match = BEARER.exec(text); match; match = BEARER.exec(text)) {
    const token = match[1]!;
    if (!/[A-Za-z]/.test(token) || !/\d/.test(token) || !looksRandom(token) || token.startsWith('eyJ')) continue;
    const start = match.index + match[0].length - token.length;
    out.push({ detector: 'bearer', kind: 'bearer', value: token, start, end: start + token.length });
  }
}

export function findDigitKeys(text: string, out: PatternHit[]): void {
  for (const { kind, literal, pattern } of DIGIT_KEYS) if (text.includes(literal)) findKeys(text, kind, pattern, out);
}

function findKeys(text: string, kind: string, pattern: RegExp, out: PatternHit[]): void {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    if (insideWord(text, start, end) || !looksRandom(match[0])) continue;
    out.push({ detector: 'apikey', kind, value: match[0], start, end });
  }
}

export function findApiKeys(text: string, out: PatternHit[]): void {
  for (const { kind, pattern } of API_KEYS) findKeys(text, kind, pattern, out);
}
