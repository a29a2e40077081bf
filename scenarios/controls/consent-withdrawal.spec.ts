import { caseDetails, expect, test } from '../demo-fixture.ts';

test('consent withdrawn', caseDetails('consent-withdrawal'), async ({ page, maskproof }) => {
  await page.goto('/controls/welcome');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');

  const grantedAt = Date.now();
  await page.locator('#consent-accept').click();
  await expect(page.locator('body')).toHaveAttribute('data-consent', 'granted');
  await page.locator('#save-note').click();
  // Deliver what was recorded while consent holds: the recorder works, so silence later means it stopped.
  await maskproof.recording();

  await page.locator('#consent-withdraw').click();
  await expect(page.locator('body')).toHaveAttribute('data-consent', 'withdrawn');
  const withdrawnAt = Date.now();

  // The visitor goes on using the page, then loads it again (the withdrawal is kept in storage).
  await page.locator('#note').fill(maskproof.person.fullName);
  await page.locator('#save-note').click();
  await expect(page.locator('#saved')).toHaveAttribute('data-count', '2');
  // Deliver whatever the recorder still holds (a session held for its minimum length included), so that
  // a recorder that kept recording cannot hide it by dropping the page's session on the reload.
  await maskproof.recording();
  await page.goto('/controls/after-withdrawal');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await page.locator('#save-note').click();
  await expect(page.locator('#saved')).toHaveAttribute('data-count', '1');

  await expect(maskproof).toPassPrivacyAudit('consent-withdrawal', { grantedAt, withdrawnAt });
});
