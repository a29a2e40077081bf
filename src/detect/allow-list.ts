import { ConfigError } from '../errors.ts';
import { skeleton } from './text-folding.ts';
import type { AllowList } from './types.ts';

/**
 * Values known to be safe (the company's support address in the footer, a documented test card):
 * exact values compared case-insensitively and separators aside, or regular expressions that must
 * match the whole value (case-insensitively too, like the values).
 */
export function compileAllowList(allow: AllowList | undefined): (value: string) => boolean {
  const values = new Set<string>();
  for (const value of allow?.values ?? []) {
    values.add(value.toLowerCase());
    values.add(skeleton(value));
  }
  const patterns = (allow?.patterns ?? []).map((source) => {
    try {
      return new RegExp(`^(?:${source})$`, 'i');
    } catch (error) {
      throw new ConfigError(`allow-list pattern ${JSON.stringify(source)} is not a valid regular expression: ${(error as Error).message}`, 'Fix or remove the pattern in the allow-list; patterns are JavaScript regular expressions matched against the whole value.');
    }
  });
  if (values.size === 0 && patterns.length === 0) return () => false;
  return (value) => values.has(value.toLowerCase()) || values.has(skeleton(value)) || patterns.some((pattern) => pattern.test(value));
}
