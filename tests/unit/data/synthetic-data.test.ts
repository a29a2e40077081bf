import { describe, expect, it } from 'vitest';
import { parseSeed, scopedSeed } from '../../../src/data/seed.ts';
import { canariesOf, createSyntheticData, distinctCvv } from '../../../src/data/synthetic-data.ts';

function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((d, i) => {
    let n = Number(d);
    if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
    sum += n;
  });
  return sum % 10 === 0;
}

describe('synthetic data', () => {
  it('is deterministic for a seed and scope, and differs across scopes and seeds', () => {
    const a = createSyntheticData(42, 'desktop › PII form submit');
    expect(createSyntheticData(42, 'desktop › PII form submit')).toEqual(a);
    expect(createSyntheticData(42, 'mobile › mobile view').person.email).not.toBe(a.person.email);
    expect(createSyntheticData(43, 'desktop › PII form submit').person.email).not.toBe(a.person.email);
    expect(scopedSeed(1, 'a')).not.toBe(scopedSeed(1, 'b'));
  });

  it('plants realistic values: Luhn-valid cards, SSNs outside never-issued ranges, JWT-shaped tokens', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { person, token } = createSyntheticData(seed, 'scope');
      const digits = person.cardNumber.replaceAll(' ', '');
      expect(digits).toMatch(/^4\d{15}$/);
      expect(luhnValid(digits), person.cardNumber).toBe(true);
      const [area, group, serial] = person.ssn.split('-').map(Number);
      expect(area! > 0 && area !== 666 && area! < 900 && group! > 0 && serial! > 0, person.ssn).toBe(true);
      const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()) as { alg: string };
      expect(header.alg).toBe('HS256');
      expect(person.cardExpiry).toMatch(/^(0[1-9]|1[0-2])\/\d\d$/);
    }
  });

  it('registers every planted value as a canary', () => {
    const data = createSyntheticData(3, 's');
    const values = canariesOf(data).map((c) => c.value);
    for (const value of Object.values(data.person).filter((v) => v !== data.person.firstName && v !== data.person.lastName)) expect(values).toContain(value);
    expect(values).toContain(data.token);
    for (const user of data.adminUsers) expect(values).toEqual(expect.arrayContaining([user.fullName, user.email, user.phone]));
  });

  it('rejects a seed that is not a whole number', () => {
    expect(() => parseSeed('12x', '--seed')).toThrow(/--seed must be a non-negative integer/);
    expect(parseSeed(' 12 ', '--seed')).toBe(12);
  });
});

describe('the planted CVV', () => {
  it('is never a number every recording carries anyway (HTTPS port 443, HTTP status codes), so a finding means it was typed', () => {
    // Seen: a run whose planted CVV was 443 "found" it in every New Relic harvest's origin (https://bam.nr-data.net:443).
    const cvvs = Array.from({ length: 3000 }, (_, seed) => createSyntheticData(seed + 1, 'pii-form-submit').person.cardCvv);
    expect(cvvs.filter((v) => ['443', '200', '404', '500'].includes(v))).toEqual([]);
    expect(cvvs.every((v) => /^\d{3}$/.test(v))).toBe(true);
  });

  it('is stepped past protocol numbers with no extra draw: every other value stays as the seed gives it', () => {
    expect(distinctCvv('443')).toBe('444');
    expect(distinctCvv('200')).toBe('203');
    expect(distinctCvv('462')).toBe('462');
    expect(createSyntheticData(7, 'pii-form-submit').person.cardCvv).toBe('462');
  });
});
