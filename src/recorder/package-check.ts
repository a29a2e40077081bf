/**
 * Whether an optional peer dependency resolves, and the error naming it when not. No registry here:
 * the page bundle (inside the vendors' import graph) checks its packages through this module.
 */
import { createRequire } from 'node:module';
import { DependencyMissingError } from '../errors.ts';

const require = createRequire(import.meta.url);

/** Whether `pkg` resolves from maskproof's location. */
export function isInstalled(pkg: string): boolean {
  try {
    require.resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

/** Throws DependencyMissingError (exit 2) naming the packages of `recorder` that are missing. */
export function requirePackages(recorder: string, packages: readonly string[]): void {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return;
  throw new DependencyMissingError(
    `the ${recorder} recorder needs ${missing.join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed`,
    `Install it next to maskproof: npm install -D ${missing.join(' ')} (an optional peer dependency: only users of this recorder need it).`,
  );
}
