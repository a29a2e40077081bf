import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import { el, fullSnapshot, network, text } from './rrweb-events.ts';

const inBody = (value: string) => network({ url: '/api/profile', method: 'POST', body: value });
const detectIn = (value: string) => scanEvents([inBody(value)], {}).map((f) => `${f.detector}:${f.kind}`);
const detectText = (value: string) => scanEvents([fullSnapshot([el('p', {}, [text(value)])])], {}).map((f) => `${f.detector}:${f.kind}`);
/** Deterministic pseudo-random strings of an alphabet (mulberry32, a fixed seed), for key-shaped values. */
function randomOf(alphabet: string, length: number, seed: number): string {
  let a = seed >>> 0;
  let out = '';
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out += alphabet[((t ^ (t >>> 14)) >>> 0) % alphabet.length];
  }
  return out;
}
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

describe('ip: public addresses found, private, loopback, documentation and version numbers quiet', () => {
  it('v4 and v6', () => {
    expect(detectIn('{"x-forwarded-for":"81.2.69.142"}')).toEqual(['ip:ipv4']);
    expect(detectText('Signed in from 2a00:1450:4001:81c::200e')).toEqual(['ip:ipv6']);
  });
  it('quiet', () => {
    expect(detectIn('10.0.0.12 192.168.1.20 127.0.0.1 203.0.113.7 100.64.1.1 1.2.3.4 v10.2.3.45 app-2.14.103.9.js 1.2.3.4.5')).toEqual([]);
    expect(detectIn('::1 fe80::1ff:fe23:4567:890a 2001:db8::1 12:30:45 a::before 2024-01-02T03:04:05Z')).toEqual([]);
  });
});

describe('dob: a real date next to a birth label', () => {
  it('found in several languages and forms', () => {
    expect(detectText('Date of birth: 14/07/1985')).toEqual(['dob:date-of-birth']);
    expect(detectIn('{"birthDate":"1990-02-28"}')).toEqual(['dob:date-of-birth']);
    expect(detectText('geboren am 3. März 1979')).toEqual(['dob:date-of-birth']);
    expect(detectText('Born May 4, 1966')).toEqual(['dob:date-of-birth']);
  });
  it('quiet without a label, on impossible and future dates', () => {
    expect(detectText('Updated: 14/07/1985')).toEqual([]);
    expect(detectText('DOB: 31/02/1985')).toEqual([]);
    expect(detectText('Date of birth: 2090-01-01')).toEqual([]);
  });
});

describe('national-id: checksums and issuing rules of the main markets', () => {
  it('found', () => {
    expect(detectText('NI number AB 12 34 56 C')).toEqual(['national-id:uk-nino']);
    expect(detectText('NHS number: 943 476 5919')).toEqual(['national-id:uk-nhs']);
    expect(detectText('SIN 046 454 286')).toEqual(['national-id:ca-sin']);
    expect(detectText('Aadhaar: 2341 2341 2346')).toEqual(['national-id:in-aadhaar']);
    expect(detectText('PAN card ABCPE1234F')).toEqual(['national-id:in-pan']);
    expect(detectIn('{"dni":"12345678Z","nie":"X1234567L"}')).toEqual(['national-id:es-dni', 'national-id:es-nie']);
    expect(detectText('CF: RCCMNL83S18D969H')).toEqual(['national-id:it-codice-fiscale']);
    expect(detectText('BSN: 111222333')).toEqual(['national-id:nl-bsn']);
    expect(detectText('PESEL 44051401359')).toEqual(['national-id:pl-pesel']);
    expect(detectText('N° de sécurité sociale 2 95 10 99 126 111 93')).toEqual(['national-id:fr-nir']);
  });
  it('quiet on a failed checksum, a bare number with no label, SKUs and company PANs', () => {
    expect(detectText('NHS number: 9434765918; order 9434765919')).toEqual([]);
    expect(detectText('SIN 046 454 287; Aadhaar 2341 2341 2345')).toEqual([]);
    expect(detectText('Order 111222333, ref 44051401359, BSN: 111222334, PESEL 44051401358')).toEqual([]);
    expect(detectText('12345678A X1234567A RCCMNL83S18D969A BG123456A ABCDE1234F SKU-12345678Z-XL')).toEqual([]);
  });
});

describe('crypto: wallet addresses with their checksums', () => {
  it('found', () => {
    expect(detectText('Send BTC to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toEqual(['crypto:bitcoin-address']);
    expect(detectText('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq')).toEqual(['crypto:bitcoin-address']);
    expect(detectText('wallet 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toEqual(['crypto:ethereum-address']);
  });
  it('quiet on broken checksums, hashes and the zero address', () => {
    expect(detectText('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3 0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed')).toEqual([]);
    expect(detectText('tx 0x88df016429689c079f3b2f6ad39fa052532c56795b733da78a91ebe6a713944b commit da39a3ee5e6b4b0d3255bfef95601890afd80709 0x0000000000000000000000000000000000000000')).toEqual([]);
  });
});

describe('private-key and url credentials', () => {
  const pem = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  it('found', () => {
    expect(detectIn(JSON.stringify({ key: pem }))).toEqual(['private-key:private-key']);
    expect(detectText('DATABASE_URL=postgres://shop:S3cr3t-pa55w0rd@db.internal:5432/shop')).toEqual(['credential:url-password']);
  });
  it('quiet on placeholders, public keys and DSNs', () => {
    expect(detectText('-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----')).toEqual([]);
    const spki = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(detectText(spki)).toEqual([]);
    expect(detectText('postgres://user:password@localhost/db https://${USER}:${PASS}@host/ https://3f9a1c@o1.ingest.sentry.io/42 redis://:****@cache:6379')).toEqual([]);
  });
});

describe('apikey: npm, GitLab, SendGrid, Twilio (gitleaks rule shapes)', () => {
  it('found', () => {
    expect(detectIn(`//registry.npmjs.org/:_authToken=npm_${randomOf(BASE62, 36, 1)}`)).toEqual(['apikey:npm-token']);
    expect(detectIn(`PRIVATE-TOKEN: glpat-${randomOf(BASE62, 20, 2)}`)).toEqual(['apikey:gitlab-token']);
    expect(detectIn(`SG.${randomOf(BASE62, 22, 3)}.${randomOf(BASE62, 43, 4)}`)).toEqual(['apikey:sendgrid-key']);
    expect(detectIn(`"sid":"SK${randomOf('0123456789abcdef', 32, 5)}"`)).toEqual(['apikey:twilio-key']);
  });
  it('quiet on placeholders and look-alikes', () => {
    expect(detectIn(`npm_${'x'.repeat(36)} glpat-xxxxxxxxxxxxxxxxxxxx SK${'0'.repeat(32)} TASK${randomOf('0123456789abcdef', 32, 6)} SG.example`)).toEqual([]);
  });
});
