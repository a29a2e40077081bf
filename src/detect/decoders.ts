import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { decodeHTML } from 'entities';

/**
 * Decoded views of a string: what it says once URL, JSON or HTML escaping is undone. Each returns
 * undefined when the string has no such escape, so the caller only pays for strings that have the
 * trigger character. Values escaped twice (a URL inside a URL, "&amp;#64;") are decoded again.
 */

const PERCENT_RUN = /(?:%[0-9a-fA-F]{2})+/g;

function decodePercentRuns(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    // A malformed or non-UTF-8 escape somewhere: decode the runs that are valid, keep the rest.
    return text.replace(PERCENT_RUN, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/** %XX escapes and '+' for a space (a form-encoded query). */
export function urlDecoded(text: string): string | undefined {
  if (!text.includes('%')) return undefined;
  let decoded = decodePercentRuns(text.replace(/\+/g, ' '));
  if (decoded.includes('%')) decoded = decodePercentRuns(decoded);
  return decoded === text ? undefined : decoded;
}

const JSON_ESCAPE = /\\(?:u([0-9a-fA-F]{4})|(["\\/bfnrt]))/g;
const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

function unescapeJsonOnce(text: string): string {
  return text.replace(JSON_ESCAPE, (_all, hex: string | undefined, simple: string | undefined) =>
    hex !== undefined ? String.fromCharCode(parseInt(hex, 16)) : SIMPLE_ESCAPES[simple!]!,
  );
}

/** JSON string escapes: \" \\ \/ \n … and \uXXXX, as in a JSON document kept inside a string. */
export function jsonUnescaped(text: string): string | undefined {
  if (!text.includes('\\')) return undefined;
  let decoded = text;
  for (let level = 0; level < 3 && decoded.includes('\\'); level++) {
    const next = unescapeJsonOnce(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  return decoded === text ? undefined : decoded;
}

/** HTML character references: named (&amp; &commat;), decimal (&#64;) and hex (&#x40;). */
export function htmlDecoded(text: string): string | undefined {
  if (!text.includes('&')) return undefined;
  let decoded = decodeHTML(text);
  if (decoded.includes('&')) decoded = decodeHTML(decoded);
  return decoded === text ? undefined : decoded;
}

/** The shortest base64 run worth decoding: 6 bytes of text ("a@b.co"). */
export const MIN_BASE64 = 8;
/** Printable text: what an encoded email, card or token decodes to (a hash or an id decodes to bytes). */
const PRINTABLE = /^[\t\n\r\x20-\x7e\u00a0-\uffff]*$/;

/** Characters of the base64 alphabet (A-Z a-z 0-9 + /) and of base64url (A-Z a-z 0-9 - _), by code. */
const IN_BASE64 = 1;
const IN_BASE64URL = 2;
const ALPHABETS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  ALPHABETS[c] = (alnum || c === 43 || c === 47 ? IN_BASE64 : 0) | (alnum || c === 45 || c === 95 ? IN_BASE64URL : 0);
}

/** Characters of `alphabet` from `at` on. */
function runLength(text: string, at: number, alphabet: number): number {
  let i = at;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c >= 128 || (ALPHABETS[c]! & alphabet) === 0) break;
    i++;
  }
  return i - at;
}

/**
 * The runs /[A-Za-z0-9+/]{8,}={0,2}|[A-Za-z0-9_-]{8,}/g matches, left to right, as [start, end)
 * pairs: the same runs without a regex call per match. A start that fits neither alphabet's eight
 * characters is skipped along with every later start inside both of its shorter runs (they are shorter still).
 */
function base64Runs(text: string, found: (start: number, end: number) => void): void {
  const n = text.length;
  for (let s = 0; s + MIN_BASE64 <= n; ) {
    const plain = runLength(text, s, IN_BASE64);
    if (plain >= MIN_BASE64) {
      let end = s + plain;
      if (end < n && text.charCodeAt(end) === 61) end += end + 1 < n && text.charCodeAt(end + 1) === 61 ? 2 : 1;
      found(s, end);
      s = end;
      continue;
    }
    const url = runLength(text, s, IN_BASE64URL);
    if (url >= MIN_BASE64) {
      found(s, s + url);
      s += url;
      continue;
    }
    s += Math.max(1, Math.min(plain, url));
  }
}

/**
 * The texts that base64 runs of a string decode to (a payload in a query parameter, a cookie, a data
 * attribute: `eyJ…`, `am9obkBleGFtcGxlLmNvbQ==`), only where they decode to printable UTF-8.
 */
export function base64Texts(text: string): string[] {
  const out: string[] = [];
  base64Runs(text, (start, end) => {
    // Base64 of text mixes cases; a word, a path segment or a hex hash does not (and is not decoded).
    if ((end - start) % 4 === 1 || !mixedCase(text, start, end)) return;
    // Text opens with printable ASCII; random ids and hashes do not (about 1 in 400 passes 6 bytes).
    if (!opensPrintable(text, start)) return;
    const run = text.slice(start, end);
    const alphabet = run.includes('-') || run.includes('_') ? 'base64url' : 'base64';
    const bytes = Buffer.from(run, alphabet);
    if (bytes.length < 6) return;
    const decoded = bytes.toString('utf8');
    if (decoded.includes('\ufffd') || !PRINTABLE.test(decoded)) return;
    out.push(decoded);
  });
  return out;
}

/** A capital and a small letter somewhere in text[start, end): base64 of text mixes cases. */
function mixedCase(text: string, start: number, end: number): boolean {
  let upper = false;
  let lower = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    if (upper && lower) return true;
  }
  return false;
}

/** Six bits per character of either alphabet (a run's first eight characters are all base64 digits). */
function sextet(c: number): number {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  return c === 43 || c === 45 ? 62 : 63; // '+' or '-'; '/' or '_'
}

const printableByte = (b: number) => b <= 126 && (b >= 32 || b === 9 || b === 10 || b === 13);

/** Whether every byte is printable ASCII (tab and newlines included). */
function printableAscii(bytes: Buffer): boolean {
  for (const b of bytes) if (!printableByte(b)) return false;
  return true;
}

/** Whether the six bytes the run's first eight characters decode to are printable ASCII (no Buffer per run). */
function opensPrintable(text: string, start: number): boolean {
  for (let q = start; q < start + 8; q += 4) {
    const n = (sextet(text.charCodeAt(q)) << 18) | (sextet(text.charCodeAt(q + 1)) << 12) | (sextet(text.charCodeAt(q + 2)) << 6) | sextet(text.charCodeAt(q + 3));
    if (!printableByte(n >>> 16) || !printableByte((n >>> 8) & 255) || !printableByte(n & 255)) return false;
  }
  return true;
}

/** The most a compressed blob is inflated to (a draft, a state export), so a zip bomb costs nothing. */
const MAX_INFLATED = 1 << 20;
/** gzip's magic bytes 1f 8b 08 are always "H4sI" in base64 when the blob starts a run. */
const GZIP_RUN = /H4sI[A-Za-z0-9+/_-]{12,}={0,2}/g;
/** A string that is one base64 blob and nothing else (a brotli or zlib body has no text magic). */
const WHOLE_BASE64 = /^[A-Za-z0-9+/_-]{24,}={0,2}$/;

function inflatedText(bytes: Buffer, inflate: (b: Buffer, o: { maxOutputLength: number }) => Buffer): string | undefined {
  try {
    const text = inflate(bytes, { maxOutputLength: MAX_INFLATED }).toString('utf8');
    return text.length > 0 && !text.includes('\ufffd') && PRINTABLE.test(text) ? text : undefined;
  } catch {
    return undefined;
  }
}


/**
 * The texts that compressed blobs in base64 inflate to: a gzip stream anywhere in the string (an app
 * that posts `{"draft": "H4sI…"}` made with CompressionStream), and a string that is one base64 blob
 * holding a brotli or zlib stream. Text rules (key or pattern scrubbing) never see inside them.
 */
export function compressedTexts(text: string): string[] {
  const out: string[] = [];
  if (text.includes('H4sI')) {
    GZIP_RUN.lastIndex = 0;
    for (let match = GZIP_RUN.exec(text); match; match = GZIP_RUN.exec(text)) {
      const inflated = inflatedText(Buffer.from(match[0], 'base64'), gunzipSync);
      if (inflated !== undefined) out.push(inflated);
    }
  }
  if (out.length === 0 && text.length <= 4 * MAX_INFLATED && WHOLE_BASE64.test(text)) {
    // Node's base64 decoder reads the base64url alphabet too.
    const bytes = Buffer.from(text, 'base64');
    // Text decodes to text (base64Texts has it); a compressed stream does not.
    if (!printableAscii(bytes.subarray(0, 8))) {
      const inflated = (bytes[0] === 0x78 ? inflatedText(bytes, inflateSync) : undefined) ?? inflatedText(bytes, brotliDecompressSync);
      if (inflated !== undefined) out.push(inflated);
    }
  }
  return out;
}
