import { caseDetails, expect, test } from './demo-fixture.ts';

test('rage click on an erroring button', caseDetails('rage-click'), async ({ page, maskproof }) => {
  await page.goto('/login');
  await page.locator('#login-email').fill(maskproof.person.email);
  await page.locator('#login-password').fill(maskproof.person.password);
  await page.locator('#login-submit').click();
  await expect(page.locator('#login-status')).toHaveAttribute('data-state', 'done');

  await page.goto('/account');
  await expect(page.locator('#signed-in-user')).toContainText(maskproof.person.fullName);
  const button = page.locator('#place-order');
  // Six real clicks at the button's centre, back to back: no per-click actionability waits, so the
  // burst stays well inside a second even on a loaded machine.
  const box = await button.boundingBox();
  if (!box) throw new Error('#place-order is not visible');
  for (let i = 0; i < 6; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page.locator('#order-error')).toHaveAttribute('data-failures', '6');
  await maskproof.keyMoment('after the rage clicks');

  await expect(maskproof).toPassPrivacyAudit('rage-click', { button: 'place-order', minClicks: 5, windowMs: 1000 });
});
