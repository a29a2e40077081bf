import type { BrowserContext } from '@playwright/test';
import { canariesOf, type SyntheticData } from '../src/data/synthetic-data.ts';
import { caseDetails, expect, test as maskproofTest, testScope } from '../src/fixture/index.ts';
import { slug } from '../src/report/paths.ts';

/**
 * The demo app's fixture (fixtures/app): maskproof's public fixture (src/fixture, what `import { test }
 * from 'maskproof'` gives your own suite) plus the demo app's data seeding. The bundled scenarios import
 * this one; your app has its own backend and data, and never needs it.
 */
export interface DemoOptions {
  /** Plant the test's synthetic data in the demo app's backend (playwright.config.ts turns it on for the bundled app). */
  plantFixtureData: boolean;
}

/** Gives the bundled fixture app its synthetic data for this test only (isolated by a tenant cookie). */
async function plantDemoData(context: BrowserContext, baseURL: string, data: SyntheticData, tenant: string): Promise<void> {
  await context.addCookies([{ name: 'mp_tenant', value: tenant, url: baseURL }]);
  const response = await context.request.put(new URL('/__fixture__/tenant', baseURL).href, {
    data: { user: data.person, token: data.token, adminUsers: data.adminUsers },
  });
  if (!response.ok()) throw new Error(`the fixture app refused the synthetic data: ${response.status()} ${await response.text()}`);
}

export const test = maskproofTest.extend<DemoOptions>({
  plantFixtureData: [false, { option: true }],

  // The public fixture has set up the capture; before the journey starts, the demo app is given the whole
  // data set, and every value of it is a canary (your app holds only what a journey plants).
  maskproof: async ({ maskproof, context, baseURL, plantFixtureData }, use, testInfo) => {
    if (plantFixtureData) {
      if (!baseURL) throw new Error('no baseURL: start the fixture app (playwright.config.ts webServer) or set MASKPROOF_BASE_URL');
      maskproof.canaries.push(...canariesOf(maskproof.data));
      await plantDemoData(context, baseURL, maskproof.data, slug(testScope(testInfo)));
    }
    await use(maskproof);
  },
});

export { caseDetails, expect };
