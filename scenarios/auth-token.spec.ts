import { caseDetails, expect, test } from './demo-fixture.ts';

test('authentication token', caseDetails('auth-token'), async ({ page, maskproof }) => {
  await page.goto('/login');
  await page.locator('#login-email').fill(maskproof.person.email);
  await page.locator('#login-password').fill(maskproof.person.password);
  await page.locator('#login-submit').click();
  // The app sends the token as a Bearer header, a ?token= parameter, a cookie and a JSON body.
  await expect(page.locator('#login-status')).toHaveAttribute('data-state', 'done');
  await maskproof.keyMoment('signed in');

  await expect(maskproof).toPassPrivacyAudit('auth-token', {
    apiPaths: ['/api/profile', '/api/orders', '/api/session', '/api/track'],
  });
});
