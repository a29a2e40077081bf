/**
 * The vendor SDKs are optional peer dependencies: installed by users who test that vendor, not by
 * every user. Before one is bundled for the page (and before the CLI starts a browser), its package
 * must resolve from maskproof's own location, as the page bundle's import will.
 */
import { isInstalled, requirePackages } from './package-check.ts';
import { vendorOf, vendors } from './vendors/registry.ts';

export { isInstalled };

/** The packages each vendor recorder bundles for the page (its descriptor's sdkPackages). */
export function vendorPackages(): Record<string, readonly string[]> {
  return Object.fromEntries(vendors.filter((v) => v.sdkPackages?.length).map((v) => [v.kind, v.sdkPackages!]));
}

/** Throws DependencyMissingError (exit 2) naming the package to install, when `recorder` needs one that is missing. */
export function requireVendorPackage(recorder: string, packages: readonly string[] = vendorOf(recorder)?.sdkPackages ?? []): void {
  requirePackages(recorder, packages);
}
