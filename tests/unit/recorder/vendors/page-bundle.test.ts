import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { installedVersion, pageBundle } from '../../../../src/recorder/vendors/page-bundle.ts';

const entry = (vendor: string) => fileURLToPath(new URL(`../../../../src/recorder/vendors/${vendor}/page-entry.js`, import.meta.url));

describe('vendor page bundles', () => {
  it('bundle each SDK into one self-contained script that exposes the flush', async () => {
    for (const [vendor, pkg] of [['sentry', '@sentry/browser'], ['posthog', 'posthog-js']] as const) {
      const bundle = await pageBundle(entry(vendor), [pkg]);
      // No module syntax left for the page to resolve: it runs as a plain init script.
      expect(bundle).not.toMatch(/^\s*(import|export)\s/m);
      expect(bundle).toContain('__maskproofVendor');
      expect(bundle).toContain('__maskproofVendorConfig');
      expect(await pageBundle(entry(vendor), [pkg])).toBe(bundle);
    }
  }, 60_000);

  it('knows the installed SDK versions (the README names the tested ones)', () => {
    expect(installedVersion('@sentry/browser')).toMatch(/^\d+\.\d+\.\d+/);
    expect(installedVersion('posthog-js')).toMatch(/^\d+\.\d+\.\d+/);
  });
});
