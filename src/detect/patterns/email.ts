import type { PatternHit } from './pattern-hit.ts';

/**
 * Email addresses. Precision: a real domain (labels, then a 2-24 letter TLD, not followed by more
 * domain), not a file name like "icon@2x.png", and not the user part of a URL ("https://key@host/",
 * Sentry DSNs and the like carry keys, not addresses), and not a "name/plugin@<version>" tag whose
 * domain starts with a number after a slash (Mixpanel's rrweb plugin "rrweb/network@1.mp").
 */
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9_%+-](?:[A-Za-z0-9._%+-]{0,62}[A-Za-z0-9_%+-])?@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+([A-Za-z]{2,24})(?![\w-]|\.[A-Za-z0-9])/g;
const FILE_EXTENSIONS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'avif', 'ico', 'bmp', 'css', 'js', 'mjs', 'cjs', 'ts', 'json', 'map', 'html', 'htm', 'woff', 'woff2', 'ttf', 'otf', 'eot', 'mp4', 'webm', 'mp3', 'wasm', 'pdf', 'txt', 'xml']);

export function findEmails(text: string, out: PatternHit[]): void {
  EMAIL.lastIndex = 0;
  for (let match = EMAIL.exec(text); match; match = EMAIL.exec(text)) {
    const start = match.index;
    if (FILE_EXTENSIONS.has(match[1]!.toLowerCase())) continue;
    if (start >= 2 && text.charCodeAt(start - 1) === 47 && text.charCodeAt(start - 2) === 47) continue;
    if (start >= 1 && text.charCodeAt(start - 1) === 47 && /@\d+\./.test(match[0])) continue;
    out.push({ detector: 'email', kind: 'email', value: match[0], start, end: start + match[0].length });
  }
}
