import { caseDetails, expect, test } from '../demo-fixture.ts';

/**
 * Session sampling: the same visit at sample rate 0 (never recorded) and 1.0 (recorded whole). Each test's
 * rate replaces the config's own policy.collection.sampleRate (test.use({ sampleRateOverride }), see
 * src/fixture/sample-rate.ts); a config without one has no sampling to set and runs as written.
 */
for (const [sampleRate, label] of [[0, '0'], [1, '1.0']] as const) {
  test.describe(`at sample rate ${label}`, () => {
    test.use({ sampleRateOverride: sampleRate });

    test(`sampling rate ${label}`, caseDetails('sampling', `rate ${label}`), async ({ page, maskproof }) => {
      // Consent first, so that only the sample rate decides whether this session is recorded.
      await page.goto('/controls/sampling');
      await expect(page.locator('body')).toHaveAttribute('data-state', 'ready');
      await page.locator('#consent-accept').click();
      await expect(page.locator('body')).toHaveAttribute('data-consent', 'granted');
      await page.locator('#note').fill(maskproof.person.email);
      await page.locator('#save-note').click();
      await expect(page.locator('#saved')).toHaveAttribute('data-count', '1');

      // The audit flushes first: everything the recorder emitted (or holds) has arrived, no sleeping.
      await expect(maskproof).toPassPrivacyAudit('sampling', { sampleRate, clicked: 'save-note', typedInto: 'note' });
    });
  });
}
