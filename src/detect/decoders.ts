/**
 * Decoded views of a string: how a value may have been written into it. Each returns undefined when
 * the string shows no sign of that encoding, so plain strings cost one cheap check each.
 */

/** Separators people and apps put inside cards, phones and SSNs. */
const SEPARATORS = /[\s\-.()/]/g;

export function skeleton(text: string): string {
  return text.replace(SEPARATORS, '').toLowerCase();
}

export function urlDecoded(text: string): string | undefined {
  if (!text.includes('%') && !text.includes('+')) return undefined;
  const spaced = text.replace(/\+/g, ' ');
  try {
    const decoded = decodeURIComponent(spaced);
    return decoded === text ? undefined : decoded;
  } catch {
    // Malformed escapes: decode the valid ones only.
    const decoded = spaced.replace(/(%[0-9a-fA-F]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
    return decoded === text ? undefined : decoded;
  }
}

export function jsonUnescaped(text: string): string | undefined {
  if (!text.includes('\\')) return undefined;
  const decoded = text.replace(/\\(u[0-9a-fA-F]{4}|["\\/bfnrt])/g, (_all, code: string) => {
    if (code[0] === 'u') return String.fromCharCode(parseInt(code.slice(1), 16));
    return ({ b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' } as Record<string, string>)[code] ?? code;
  });
  return decoded === text ? undefined : decoded;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', commat: '@', period: '.', hyphen: '-', dash: '-', lpar: '(', rpar: ')', plus: '+', sol: '/', colon: ':' };

export function htmlDecoded(text: string): string | undefined {
  if (!text.includes('&')) return undefined;
  const decoded = text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (all, entity: string) => {
    if (entity[0] === '#') {
      const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
      return Number.isFinite(code) && code < 0x110000 ? String.fromCodePoint(code) : all;
    }
    return NAMED[entity.toLowerCase()] ?? all;
  });
  return decoded === text ? undefined : decoded;
}

const BASE64_RUN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;

/**
 * Texts decoded from base64 / base64url runs in the string. A run is decoded from each of its first
 * four character offsets, so a value embedded at any byte alignment inside a larger blob, or a blob
 * glued to other base64-alphabet text, still decodes.
 */
export function base64Decoded(text: string): string[] {
  if (text.length < 12) return [];
  const out: string[] = [];
  for (const match of text.matchAll(BASE64_RUN)) {
    const run = match[0];
    for (let offset = 0; offset < 4 && run.length - offset >= 12; offset++) {
      const part = run.slice(offset).replace(/=+$/, '');
      const bytes = Buffer.from(part.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
      if (bytes.length < 6) continue;
      out.push(bytes.toString('utf8'));
      if (offset === 0 && part.length % 4 === 0) break;
    }
  }
  return out;
}
