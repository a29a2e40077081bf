import { caseDetails, expect, test } from '../demo-fixture.ts';

/** QA's requirement: sessions shorter than this are not sent (fixtures/recorders/safe-controls.json). */
const MIN_SESSION_MS = 15_000;

test('short session', caseDetails('min-session'), async ({ page, maskproof }) => {
  // A short visit: consent, a note saved, then the visitor leaves, well before the minimum.
  await page.goto('/controls/short-visit');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await page.locator('#consent-accept').click();
  await expect(page.locator('body')).toHaveAttribute('data-consent', 'granted');
  await page.locator('#note').fill(maskproof.person.fullName);
  await page.locator('#save-note').click();
  await expect(page.locator('#saved')).toHaveAttribute('data-count', '1');

  // From here the page's clock is the test's: the long session reaches the minimum without waiting.
  await page.clock.install();
  const shortSessionEndedAt = Date.now();
  await page.goto('/controls/long-visit');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
  await page.locator('#save-note').click();
  await expect(page.locator('#saved')).toHaveAttribute('data-count', '1');
  await page.clock.fastForward(MIN_SESSION_MS);
  // Sent by the recorder itself once the session is long enough (no harness flush before this point).
  await maskproof.waitForRecorded((event) => event.timestamp > shortSessionEndedAt);
  const longSessionCheckedAt = Date.now();

  await expect(maskproof).toPassPrivacyAudit('min-session', { minSessionMs: MIN_SESSION_MS, shortSessionEndedAt, longSessionCheckedAt });
});
