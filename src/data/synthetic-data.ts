import { Faker, en, en_US } from '@faker-js/faker';
import type { Canary } from '../detect/types.ts';
import { scopedSeed } from './seed.ts';

export interface Person {
  fullName: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  streetAddress: string;
  cardNumber: string;
  cardExpiry: string;
  cardCvv: string;
  ssn: string;
  password: string;
}

export interface AdminUser {
  fullName: string;
  email: string;
  phone: string;
}

export interface SyntheticData {
  seed: number;
  person: Person;
  /** A JWT-shaped auth token the app issues to the person at sign-in. */
  token: string;
  adminUsers: AdminUser[];
}

const base64url = (text: string) => Buffer.from(text).toString('base64url');

/** An SSN-shaped number outside the ranges the SSA never issues (area 000/666/9xx, group 00, serial 0000). */
function ssn(faker: Faker): string {
  let area = faker.number.int({ min: 1, max: 899 });
  if (area === 666) area = 667;
  const group = faker.number.int({ min: 1, max: 99 });
  const serial = faker.number.int({ min: 1, max: 9999 });
  return `${String(area).padStart(3, '0')}-${String(group).padStart(2, '0')}-${String(serial).padStart(4, '0')}`;
}

/**
 * Three-digit strings every recording carries verbatim, whoever typed what: HTTPS's port in the
 * origins and hosts vendor SDKs report ("https://bam.nr-data.net:443"), and the HTTP status codes
 * their network events hold. A planted CVV equal to one is "found" where nobody typed it.
 */
const PROTOCOL_NUMBERS = new Set(['443', '100', '101', '200', '201', '202', '204', '206', '301', '302', '303', '304', '307', '308', '400', '401', '403', '404', '405', '409', '410', '422', '429', '500', '501', '502', '503', '504']);

/** The drawn CVV, stepped past protocol numbers (no extra random draw: every later value stays as the seed gives it). */
export function distinctCvv(drawn: string): string {
  let value = drawn;
  while (PROTOCOL_NUMBERS.has(value)) value = String((Number(value) + 1) % 1000).padStart(3, '0');
  return value;
}

function person(faker: Faker): Person {
  const firstName = faker.person.firstName();
  const lastName = faker.person.lastName();
  const expiry = faker.date.future({ years: 4, refDate: '2026-01-01T00:00:00Z' });
  return {
    fullName: `${firstName} ${lastName}`,
    firstName,
    lastName,
    email: faker.internet.email({ firstName, lastName }).toLowerCase(),
    phone: faker.phone.number({ style: 'national' }),
    streetAddress: faker.location.streetAddress(),
    // Luhn-valid Visa number (L is faker's Luhn check digit), grouped as people type it.
    cardNumber: faker.finance.creditCardNumber('4###-####-####-###L').replaceAll('-', ' '),
    cardExpiry: `${String(expiry.getUTCMonth() + 1).padStart(2, '0')}/${String(expiry.getUTCFullYear()).slice(2)}`,
    cardCvv: distinctCvv(faker.finance.creditCardCVV()),
    ssn: ssn(faker),
    password: faker.internet.password({ length: 14, prefix: 'Pw1!' }),
  };
}

function token(faker: Faker, subject: string): string {
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = base64url(JSON.stringify({ sub: subject, jti: faker.string.alphanumeric(16) }));
  const signature = Buffer.from(faker.string.hexadecimal({ length: 64, prefix: '' }), 'hex').toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** Deterministic synthetic data for one scope of a run (same seed + scope → same data). */
export function createSyntheticData(runSeed: number, scope: string): SyntheticData {
  const faker = new Faker({ locale: [en_US, en], seed: scopedSeed(runSeed, scope) });
  const user = person(faker);
  return {
    seed: runSeed,
    person: user,
    token: token(faker, user.email),
    adminUsers: Array.from({ length: 5 }, () => {
      const firstName = faker.person.firstName();
      const lastName = faker.person.lastName();
      return {
        fullName: `${firstName} ${lastName}`,
        email: faker.internet.email({ firstName, lastName }).toLowerCase(),
        phone: faker.phone.number({ style: 'national' }),
      };
    }),
  };
}

/** The person's values, as canaries: what a journey types from `maskproof.person`. */
export function personCanaries(data: SyntheticData): Canary[] {
  const p = data.person;
  return [
    { kind: 'fullName', value: p.fullName, label: 'person › full name' },
    { kind: 'email', value: p.email, label: 'person › email' },
    { kind: 'phone', value: p.phone, label: 'person › phone' },
    { kind: 'streetAddress', value: p.streetAddress, label: 'person › street address' },
    { kind: 'card', value: p.cardNumber, label: 'person › card number' },
    { kind: 'cardExpiry', value: p.cardExpiry, label: 'person › card expiry' },
    { kind: 'cvv', value: p.cardCvv, label: 'person › card CVV' },
    { kind: 'ssn', value: p.ssn, label: 'person › SSN' },
    { kind: 'password', value: p.password, label: 'person › password' },
  ];
}

/** Every value the data plants in the bundled demo app, as canaries that must never appear in a recording. */
export function canariesOf(data: SyntheticData): Canary[] {
  const canaries: Canary[] = [...personCanaries(data), { kind: 'token', value: data.token, label: 'session › auth token' }];
  data.adminUsers.forEach((user, i) => {
    canaries.push(
      { kind: 'fullName', value: user.fullName, label: `admin table › user ${i + 1} name` },
      { kind: 'email', value: user.email, label: `admin table › user ${i + 1} email` },
      { kind: 'phone', value: user.phone, label: `admin table › user ${i + 1} phone` },
    );
  });
  return canaries;
}
