import { caseDetails, expect, test } from '../demo-fixture.ts';

/** The cookie name the fixture's recorder configs (policy.collection.optOutCookie) honour. */
const OPT_OUT_COOKIE = 'mp_optout';

test('opt-out cookie', caseDetails('opt-out-cookie'), async ({ page, context, baseURL, maskproof }) => {
  // Consent given and recording: the recorder works on this app.
  await page.goto('/controls/welcome');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await page.locator('#consent-accept').click();
  await expect(page.locator('body')).toHaveAttribute('data-consent', 'granted');
  await maskproof.recording();

  // The visitor opts out ("do not record me"); consent stays granted, so only the cookie can stop it.
  const optedOutAt = Date.now();
  await context.addCookies([{ name: OPT_OUT_COOKIE, value: '1', url: baseURL ?? page.url() }]);
  await page.goto('/controls/after-opt-out');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('body')).toHaveAttribute('data-consent', 'granted');
  await page.locator('#note').fill(maskproof.person.email);
  await page.locator('#save-note').click();
  await expect(page.locator('#saved')).toHaveAttribute('data-count', '1');

  await expect(maskproof).toPassPrivacyAudit('opt-out-cookie', { optedOutAt });
});
