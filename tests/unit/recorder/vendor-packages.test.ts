import { describe, expect, it } from 'vitest';
import { DependencyMissingError } from '../../../src/errors.ts';
import { vendorPackages, isInstalled, requireVendorPackage } from '../../../src/recorder/vendor-packages.ts';

describe('vendor SDKs are optional peer dependencies', () => {
  it('a missing SDK is a typed error, exit 2, naming the package and the install line', () => {
    let caught: unknown;
    try {
      requireVendorPackage('sentry', ['@maskproof-test/not-installed-sdk']);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DependencyMissingError);
    const error = caught as DependencyMissingError;
    expect(error.exitCode).toBe(2);
    expect(error.message).toBe('the sentry recorder needs @maskproof-test/not-installed-sdk, which is not installed');
    expect(error.hint).toMatch(/npm install -D @maskproof-test\/not-installed-sdk/);
  });

  it('installed SDKs (devDependencies here) and rrweb (no SDK to install) pass', () => {
    for (const pkg of Object.values(vendorPackages()).flat()) expect(isInstalled(pkg), pkg).toBe(true);
    expect(() => requireVendorPackage('sentry')).not.toThrow();
    expect(() => requireVendorPackage('posthog')).not.toThrow();
    expect(() => requireVendorPackage('rrweb')).not.toThrow();
  });
});
