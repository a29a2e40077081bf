import { caseDetails, expect, test } from './demo-fixture.ts';

test('admin route', caseDetails('admin-route'), async ({ page, maskproof }) => {
  // A fresh page load of /admin.
  await page.goto('/admin');
  await expect(page.locator('#admin-status')).toHaveAttribute('data-state', 'done');

  // An in-app link from a recorded page (a full navigation).
  await page.goto('/account');
  await page.locator('#admin-link').click();
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.locator('#admin-status')).toHaveAttribute('data-state', 'done');

  // A client-side route change in a single-page app (pushState, no page load).
  await page.goto('/app');
  await expect(page.locator('#view')).toHaveAttribute('data-state', 'done');
  await page.locator('#spa-admin-link').click();
  await expect(page.locator('#view')).toHaveAttribute('data-route', '/app/admin');
  await expect(page.locator('#view')).toHaveAttribute('data-state', 'done');
  // The admin table on screen; a replay of this moment must not show it.
  await maskproof.keyMoment('admin table open in the app');

  await expect(maskproof).toPassPrivacyAudit('admin-route', { routes: ['^/admin(/|$)', '^/app/admin(/|$)'] });
});
