/** Shared words for the vendors' privacy settings (the report header reads them). */
export const list = (items: readonly string[] | undefined, none = 'none') => {
  const unique = [...new Set(items ?? [])];
  return unique.length ? unique.join(', ') : none;
};
/** CSS selector lists, each selector once (".rr-block" from blockClass and again in blockSelector). */
export const selectors = (items: readonly string[] | undefined, none = 'none') => list((items ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean), none);
export const onOff = (on: boolean | undefined, yes: string, no: string) => (on ? yes : no);

export function maskedInputs(all: boolean | undefined, options: Record<string, boolean> | undefined, fallback: string): string {
  if (all) return 'all masked';
  if (!options) return fallback;
  const masked = Object.entries(options).filter(([, on]) => on).map(([type]) => type);
  return masked.length ? `masked: ${masked.join(', ')}; others recorded as typed` : 'recorded as typed (none masked)';
}
