import type { Faker } from '@faker-js/faker';
import type { Canary } from '../src/detect/types.ts';

export const CANARY_KINDS = ['fullName', 'email', 'phone', 'card', 'token'] as const;

/** `count` canaries of the kinds a recording leaks most, in turn, from the bench's seeded faker. */
export function benchCanaries(faker: Faker, count: number, label: (i: number, kind: string) => string): Canary[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = CANARY_KINDS[i % CANARY_KINDS.length]!;
    const value = {
      fullName: () => faker.person.fullName(),
      email: () => faker.internet.email().toLowerCase(),
      phone: () => faker.phone.number({ style: 'national' }),
      card: () => faker.finance.creditCardNumber('4###-####-####-###L').replaceAll('-', ' '),
      token: () => `sess_${faker.string.alphanumeric(32)}`,
    }[kind]();
    return { kind, value, label: label(i, kind) };
  });
}
