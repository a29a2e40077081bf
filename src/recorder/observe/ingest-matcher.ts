/**
 * An ingest URL as maskproof.config writes it (a glob, or /regex/flags) in Playwright's terms. A leaf: the
 * vendor descriptors import it, and the registry they belong to is imported by observe-config.ts.
 */
export function isRegexText(text: string): boolean {
  return text.length > 2 && text.startsWith('/') && /\/[a-z]*$/.test(text.slice(1));
}

export function regexOf(text: string): RegExp {
  const end = text.lastIndexOf('/');
  return new RegExp(text.slice(1, end), text.slice(end + 1));
}

/** The ingest URL pattern in Playwright's terms: a glob string or a RegExp. */
export function ingestMatcher(url: string): string | RegExp {
  return isRegexText(url) ? regexOf(url) : url;
}

