import { Faker, en, en_US } from '@faker-js/faker';
import type { Canary } from '../detect/types.ts';

/** `{{person.fullName}}`, `{{ finance.creditCardNumber }}`: a faker method path between double braces. */
const PLACEHOLDER = /\{\{\s*([A-Za-z][\w]*(?:\.[A-Za-z][\w]*)+)\s*\}\}/g;

/** Every placeholder path in a text, in order. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** faker's method at `path` (e.g. "person.fullName"), or undefined when there is none. */
function fakerMethod(faker: Faker, path: string): (() => unknown) | undefined {
  const parts = path.split('.');
  let owner: unknown = faker;
  for (const part of parts.slice(0, -1)) {
    owner = (owner as Record<string, unknown> | undefined)?.[part];
    if (owner === null || typeof owner !== 'object') return undefined;
  }
  const method = (owner as Record<string, unknown>)[parts.at(-1)!];
  return typeof method === 'function' ? () => (method as () => unknown).call(owner) : undefined;
}

const checker = new Faker({ locale: [en_US, en] });

/** True when `path` names a faker method that takes no required argument and returns text or a number. */
export function isFakerPath(path: string): boolean {
  const method = fakerMethod(checker, path);
  if (!method) return false;
  try {
    const value = method();
    return typeof value === 'string' || typeof value === 'number';
  } catch {
    return false;
  }
}

/**
 * Expands placeholders with one seeded faker per journey. The same placeholder gets the same value
 * everywhere in the journey (type an email, then find it), and every value becomes a canary whose kind
 * is the faker path: it must never appear in the recording.
 */
export class PlaceholderValues {
  private readonly faker: Faker;
  private readonly values = new Map<string, string>();

  constructor(seed: number, private readonly label: string) {
    this.faker = new Faker({ locale: [en_US, en], seed });
  }

  expand(text: string): string {
    return text.replace(PLACEHOLDER, (_whole, path: string) => this.valueOf(path));
  }

  private valueOf(path: string): string {
    let value = this.values.get(path);
    if (value === undefined) {
      const method = fakerMethod(this.faker, path);
      if (!method) throw new Error(`{{${path}}} is not a faker method`);
      value = String(method());
      this.values.set(path, value);
    }
    return value;
  }

  /** The values planted so far, as canaries. */
  canaries(): Canary[] {
    return [...this.values].map(([path, value]) => ({ kind: path, value, label: `${this.label} › {{${path}}}` }));
  }
}
