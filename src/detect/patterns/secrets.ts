import type { PatternHit } from './pattern-hit.ts';
import { looksRandom } from './tokens.ts';

/**
 * PEM private keys (PKCS#1 RSA, SEC1 EC, DSA, PKCS#8 plain and encrypted, OpenSSH, PGP), as gitleaks'
 * private-key rule reads them: the BEGIN line, at least 64 characters of body, the END line.
 */
const PEM = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?)PRIVATE KEY( BLOCK)?-----([A-Za-z0-9+/=\s:,-]{64,}?)-----END \1PRIVATE KEY\2-----/g;

/** Private keys. Precision: a body of base64 (headers such as Proc-Type aside) that is not a placeholder. */
export function findPrivateKeys(text: string, out: PatternHit[]): void {
  if (!text.includes('PRIVATE KEY')) return;
  PEM.lastIndex = 0;
  for (let match = PEM.exec(text); match; match = PEM.exec(text)) {
    const body = match[3]!.split(/\r?\n/).filter((line) => !line.includes(':')).join('').replace(/\s/g, '');
    if (body.length < 64 || !/^[A-Za-z0-9+/=]+$/.test(body) || !looksRandom(body)) continue;
    out.push({ detector: 'private-key', kind: 'private-key', value: match[0], start: match.index, end: match.index + match[0].length });
  }
}

/** scheme://user:password@host (RFC 3986 userinfo): a database URL, a proxy, a basic-auth link. */
const URL_USERINFO = /\b[A-Za-z][A-Za-z0-9+.-]{1,20}:\/\/([^\s:/?#@[\]"'<>\\]{1,128}):([^\s/?#@[\]"'<>\\]{1,256})@[A-Za-z0-9[]/g;
/** Templates and masks, not passwords: "****", "xxx", "<password>", "${DB_PASS}", "{{pass}}", "%s", ":password". */
const PLACEHOLDER = /^(?:[*x•.]+|<[^>]*>|\$\{[^}]*\}|\{\{[^}]*\}\}|%s|\$[A-Z_]+|:\w+|password|passwd|pass|pwd|secret|changeme|redacted|filtered)$/i;

/** Passwords in URLs. Precision: a non-empty password that is not a placeholder or a mask; the password alone is reported. */
export function findUrlCredentials(text: string, out: PatternHit[]): void {
  if (!text.includes('://')) return;
  URL_USERINFO.lastIndex = 0;
  for (let match = URL_USERINFO.exec(text); match; match = URL_USERINFO.exec(text)) {
    const password = match[2]!;
    if (PLACEHOLDER.test(password) || PLACEHOLDER.test(match[1]!) && password.length < 6) continue;
    const start = match.index + match[0].length - 2 - password.length;
    out.push({ detector: 'credential', kind: 'url-password', value: password, start, end: start + password.length });
  }
}
