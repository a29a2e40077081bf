import { caseDetails, expect, test } from './demo-fixture.ts';

test('PII form submit', caseDetails('pii-form-submit'), async ({ page, maskproof }) => {
  const person = maskproof.person;
  await page.goto('/checkout');
  await page.locator('#full-name').pressSequentially(person.fullName);
  await page.locator('#email').fill(person.email);
  await page.locator('#phone').fill(person.phone);
  await page.locator('#street-address').fill(person.streetAddress);
  await page.locator('#card-number').pressSequentially(person.cardNumber);
  await page.locator('#card-expiry').fill(person.cardExpiry);
  await page.locator('#card-cvv').fill(person.cardCvv);
  await page.locator('#ssn').fill(person.ssn);
  await page.locator('#password').fill(person.password);
  // What a replay of the filled form shows: every field ****, the rest of the page as it was.
  await maskproof.keyMoment('form filled');
  await page.locator('#submit-checkout').click();
  await expect(page.locator('#checkout-result')).toHaveAttribute('data-state', 'done');

  await expect(maskproof).toPassPrivacyAudit('pii-form-submit', {
    fields: ['full-name', 'email', 'phone', 'street-address', 'card-number', 'card-expiry', 'card-cvv', 'ssn', 'password'],
  });
});
