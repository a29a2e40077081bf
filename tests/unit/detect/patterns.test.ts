import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';

const text = (value: string) => ({ type: 5, timestamp: 1, data: { tag: 'maskproof/network', payload: { value } } });
const detect = (value: string, allow?: { values?: string[]; patterns?: string[] }) =>
  scanEvents([text(value)], { patterns: true, allow }).map((f) => `${f.detector}:${f.kind}`);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('pattern detectors: a real value found, a near miss quiet', () => {
  it('email', () => {
    expect(detect('contact jane.doe+shop@example.co.uk now')).toEqual(['email:email']);
    expect(detect('user@localhost or @handle')).toEqual([]);
  });

  it('allow-list: the company support address is fine, as values or patterns', () => {
    expect(detect('help: support@acme.example', { values: ['SUPPORT@acme.example'] })).toEqual([]);
    expect(detect('help: billing@acme.example', { patterns: ['[a-z]+@acme\\.example'] })).toEqual([]);
    expect(detect('help: billing@acme.example', { values: ['support@acme.example'] })).toEqual(['email:email']);
  });

  it('card: Luhn-valid with a known prefix, separators allowed', () => {
    expect(detect('card 4111 1111 1111 1111')).toEqual(['card:visa']);
    expect(detect('5500-0000-0000-0004')).toEqual(['card:mastercard']);
    expect(detect('3782 822463 10005')).toEqual(['card:amex']);
    expect(detect('4111 1111 1111 1112')).toEqual([]);
    expect(detect('order 9111111111111111')).toEqual([]);
  });

  it('ssn: valid ranges only', () => {
    expect(detect('ssn 536-22-1234')).toEqual(['ssn:us-ssn']);
    expect(detect('666-22-1234 900-12-1234 000-12-1234 536-00-1234 078-05-1120')).toEqual([]);
  });

  it('phone: validated by libphonenumber, not a timestamp or an id', () => {
    expect(detect('call (415) 555-2671')).toEqual(['phone:US']);
    expect(detect('+44 20 7946 0958')).toEqual(['phone:GB']);
    expect(detect('1700000000000')).toEqual([]);
    expect(detect('width 1280 height 720')).toEqual([]);
  });

  it('iban: checksum-valid', () => {
    expect(detect('IBAN GB82 WEST 1234 5698 7654 32')).toEqual(['iban:GB']);
    expect(detect('DE89370400440532013000')).toEqual(['iban:DE']);
    expect(detect('DE89370400440532013001')).toEqual([]);
  });

  it('jwt: header decodes to JSON with alg', () => {
    const jwt = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'x' })}.abcdefghijklmnop`;
    expect(detect(`token=${jwt}`)).toEqual(['jwt:jwt']);
    expect(detect(`eyJub3Rqc29uIjp.${b64({ sub: 'x' })}.abcdefghijklmnop`)).toEqual([]);
  });

  it('bearer tokens', () => {
    expect(detect('Authorization: Bearer 9f8e7d6c5b4a39281706f5e4')).toEqual(['bearer:bearer']);
    expect(detect('Bearer short')).toEqual([]);
  });

  it('API keys by their documented shapes', () => {
    expect(detect('AKIAIOSFODNN7EXAMPLE')).toEqual(['apikey:aws-access-key']);
    expect(detect(`ghp_${'a1B2'.repeat(9)}`)).toEqual(['apikey:github-token']);
    expect(detect(`sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}`)).toEqual(['apikey:stripe-key']);
    expect(detect('xoxb-1234567890-abcdefghij')).toEqual(['apikey:slack-token']);
    expect(detect(`AIza${'Sy'.repeat(17)}A`)).toEqual(['apikey:google-api-key']);
    expect(detect('AKIAIOSFODNN7EXAMPL ghp_short sk_live_short')).toEqual([]);
  });

  it('patterns off: nothing but canaries', () => {
    expect(scanEvents([text('jane@example.com')], { patterns: false })).toEqual([]);
  });
});
