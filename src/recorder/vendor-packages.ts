/**
 * The vendor SDKs are optional peer dependencies: installed by users who test that vendor, not by
 * every user. Before one is bundled for the page (and before the CLI starts a browser), its package
 * must resolve from maskproof's own location, as the page bundle's import will.
 */
import { createRequire } from 'node:module';
import { DependencyMissingError } from '../errors.ts';

const require = createRequire(import.meta.url);

/** The package each vendor recorder bundles for the page. */
export const VENDOR_PACKAGES = { sentry: '@sentry/browser', posthog: 'posthog-js' } as const;

/** Whether `pkg` resolves from maskproof's location. */
export function isInstalled(pkg: string): boolean {
  try {
    require.resolve(pkg);
    return true;
  } catch {
    return false;
  }
}

/** Throws DependencyMissingError (exit 2) naming the package to install, when `recorder` needs one that is missing. */
export function requireVendorPackage(recorder: string, packages: readonly string[] = recorder in VENDOR_PACKAGES ? [VENDOR_PACKAGES[recorder as keyof typeof VENDOR_PACKAGES]] : []): void {
  const missing = packages.filter((pkg) => !isInstalled(pkg));
  if (missing.length === 0) return;
  throw new DependencyMissingError(
    `the ${recorder} recorder needs ${missing.join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed`,
    `Install it next to maskproof: npm install -D ${missing.join(' ')} (an optional peer dependency: only users of this recorder need it).`,
  );
}
