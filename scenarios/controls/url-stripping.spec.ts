import { caseDetails, expect, test } from '../demo-fixture.ts';

test('URL with query string and fragment', caseDetails('url-stripping'), async ({ page, maskproof }) => {
  // Consent first, so that only URL handling is under test.
  await page.goto('/controls/welcome');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await page.locator('#consent-accept').click();
  await expect(page.locator('body')).toHaveAttribute('data-consent', 'granted');

  // A link from an email campaign: the address in the query string, a token in the fragment.
  const query = new URLSearchParams({ email: maskproof.person.email, utm_source: 'newsletter' });
  await page.goto(`/controls/profile?${query}#access_token=${maskproof.data.token}`);
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  // A client-side step change that keeps both (pushState).
  await page.locator('#next-step').click();
  await expect(page.locator('body')).toHaveAttribute('data-step', '2');

  await expect(maskproof).toPassPrivacyAudit('url-stripping', { parts: ['query', 'hash'] });
});
