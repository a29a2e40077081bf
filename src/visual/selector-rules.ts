/** Shared rules for the vendors' privacy selectors (./privacy-selectors.ts asks each vendor for them). */
export function anyOf(...selectors: (string | undefined | null | false)[]): string | null {
  const kept = selectors.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  return kept.length ? kept.join(', ') : null;
}

/** rrweb's rule: maskAllInputs wins; else maskInputOptions as given; else the default. */
export function maskedInputs(all: boolean | undefined, options: Record<string, boolean> | undefined, fallback: Record<string, boolean>): 'all' | string[] {
  if (all) return 'all';
  return Object.entries(options ?? fallback)
    .filter(([, on]) => on)
    .map(([type]) => type);
}
