import { redact } from '../../detect/index.ts';
import type { Canary } from '../../detect/types.ts';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every planted value in `text` with its redacted form, as written plainly, URL-encoded or
 * JSON-escaped. The report's last line of defence: reasons and findings are already redacted, but
 * recorded URLs and labels come from the recording as the recorder wrote them.
 */
export function createScrubber(canaries: readonly Canary[]): (text: string) => string {
  const forms: { pattern: RegExp; replacement: string }[] = [];
  for (const canary of canaries) {
    const value = canary.value.trim();
    if (value.length < 3) continue;
    const replacement = redact(value, canary.kind);
    const variants = new Set([value, encodeURIComponent(value), encodeURIComponent(value).replace(/%20/g, '+'), JSON.stringify(value).slice(1, -1)]);
    for (const variant of variants) {
      // Short values (a 3-digit CVV) only as whole tokens, so that other numbers survive.
      const body = escapeRegExp(variant);
      const source = variant.length < 5 ? `(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])` : body;
      forms.push({ pattern: new RegExp(source, 'gi'), replacement });
    }
  }
  // Longest first: a name inside an email must not break the email's replacement.
  forms.sort((a, b) => b.pattern.source.length - a.pattern.source.length);
  return (text) => forms.reduce((out, { pattern, replacement }) => out.replace(pattern, replacement), text);
}
