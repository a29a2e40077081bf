import { caseDetails, expect, test } from '../demo-fixture.ts';

test('recording before consent', caseDetails('consent-gate'), async ({ page, maskproof }) => {
  // A first visit: the consent banner is up and nothing is decided yet.
  await page.goto('/controls/welcome');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('body')).toHaveAttribute('data-consent', 'unknown');

  // The visitor uses the page before answering the banner.
  await page.locator('#note').fill(maskproof.person.email);
  await page.locator('#save-note').click();
  await expect(page.locator('#saved')).toHaveAttribute('data-count', '1');
  // Everything the recorder emitted so far has now arrived (its flush resolves on delivery): no sleeping.
  await maskproof.recording();

  const consentGivenAt = Date.now();
  await page.locator('#consent-accept').click();
  await expect(page.locator('body')).toHaveAttribute('data-consent', 'granted');
  await page.locator('#save-note').click();
  await expect(page.locator('#saved')).toHaveAttribute('data-count', '2');
  // Deliver what the recorder holds (it may hold a session until it is long enough: policy.collection.minSessionMs).
  await maskproof.recording();

  await expect(maskproof).toPassPrivacyAudit('consent-gate', { consentGivenAt });
});
