import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import type { AllowList } from '../../../src/detect/types.ts';
import { click, el, fullSnapshot, input, mutation, network, text } from './rrweb-events.ts';

/** Where personal data nobody planted shows up: a request body, a text node, an input value. */
const inBody = (value: string) => network({ url: '/api/profile', method: 'POST', body: value });
const detect = (events: unknown[], allow?: AllowList) => scanEvents(events, { allow }).map((f) => `${f.detector}:${f.kind}`);
const detectIn = (value: string, allow?: AllowList) => detect([inBody(value)], allow);
const b64url = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('pattern detectors: a real value found, a near miss quiet', () => {
  it('email', () => {
    expect(detect([fullSnapshot([el('footer', {}, [text('Questions? jane.doe+shop@example.co.uk')])])])).toEqual(['email:email']);
    expect(detectIn('user@localhost, @handle, icon@2x.png, https://3f9a1c@o1.ingest.sentry.io/42')).toEqual([]);
    // A plugin tag is not an address (Mixpanel's network plugin), an address at a numeric domain is.
    expect(detectIn('rrweb/network@1.mp')).toEqual([]);
    expect(detectIn('write to li.wei@163.com')).toEqual(['email:email']);
  });

  it('allow-list: the company support address in the footer, as a value or a pattern', () => {
    const footer = (address: string) => [fullSnapshot([el('footer', {}, [text(`Help: ${address}`)])])];
    expect(detect(footer('support@acme.example'), { values: ['SUPPORT@acme.example'] })).toEqual([]);
    expect(detect(footer('billing@acme.example'), { patterns: ['[a-z]+@acme\\.example'] })).toEqual([]);
    expect(detect(footer('billing@acme.example'), { values: ['support@acme.example'] })).toEqual(['email:email']);
  });

  it('card: Luhn-valid with a known network prefix and length, separators allowed', () => {
    expect(detectIn('{"card":"4111 1111 1111 1111"}')).toEqual(['card:visa']);
    expect(detectIn('5500-0000-0000-0004')).toEqual(['card:mastercard']);
    expect(detectIn('2221000000000009')).toEqual(['card:mastercard']);
    expect(detectIn('3782 822463 10005')).toEqual(['card:amex']);
    expect(detectIn('6011111111111117')).toEqual(['card:discover']);
    expect(detectIn('3530111333300000')).toEqual(['card:jcb']);
    expect(detectIn('3622 720627 1667')).toEqual(['card:diners']);
    expect(detectIn('6200000000000005')).toEqual(['card:unionpay']);
  });

  it('card: quiet on Luhn-invalid digits, unknown prefixes, decimals and digit lists', () => {
    expect(detectIn('4111 1111 1111 1112')).toEqual([]);
    expect(detectIn('order 9111111111111111')).toEqual([]);
    expect(detectIn('{"r":0.4111111111111111}')).toEqual([]);
    expect(detectIn('4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1')).toEqual([]);
  });

  it('ssn: issued ranges only', () => {
    expect(detectIn('ssn: 536-22-1234')).toEqual(['ssn:us-ssn']);
    expect(detectIn('000-12-3456 666-12-3456 900-12-3456 999-12-3456 536-00-1234 536-22-0000 078-05-1120 219-09-9999')).toEqual([]);
  });

  it('phone: phone-formatted and valid per libphonenumber', () => {
    expect(detect([input(21, '(415) 555-2671')])).toEqual(['phone:phone']);
    expect(detectIn('call +44 20 7946 0958')).toEqual(['phone:phone']);
    expect(detectIn('{"tel":"+14155552671"}')).toEqual(['phone:phone']);
    expect(detectIn('415.555.2671')).toEqual(['phone:phone']);
  });

  it('phone: quiet on an epoch timestamp, ids, pixel sizes, dates and invalid numbers', () => {
    expect(detectIn('{"ts":1700000000000,"at":"1700000000000","id":"4155552671"}')).toEqual([]);
    expect(detectIn('width 1280 height 720, 2024-01-15, 192.168.100.200, v1.2.3')).toEqual([]);
    expect(detectIn('(555) 123-4567')).toEqual([]);
    expect(detect([click(1700000000)])).toEqual([]);
  });

  it('iban: country length and mod-97 checksum', () => {
    expect(detectIn('IBAN GB82 WEST 1234 5698 7654 32, thanks')).toEqual(['iban:iban']);
    expect(detectIn('DE89370400440532013000')).toEqual(['iban:iban']);
    expect(detectIn('DE89370400440532013001')).toEqual([]);
    expect(detectIn('GB82 WEST 1234 5698 7654')).toEqual([]);
  });

  it('jwt: three base64url parts, the first a JSON header with alg', () => {
    const jwt = `${b64url({ alg: 'HS256', typ: 'JWT' })}.${b64url({ sub: '42', exp: 1700000000 })}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk`;
    expect(detect([network({ url: '/api/me', headers: { 'x-session': jwt } })])).toEqual(['jwt:jwt']);
    expect(detectIn(`eyJub3Rqc29uIjp.${b64url({ sub: '42' })}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r`)).toEqual([]);
    expect(detectIn(`${b64url({ typ: 'JWT' })}.${b64url({ sub: '42' })}.dBjftJeZ4CVP-mB92K27uhbUJU1p1r`)).toEqual([]);
  });

  it('bearer tokens in Authorization headers', () => {
    expect(detect([network({ url: '/api/orders', headers: { authorization: 'Bearer 9f8e7d6c5b4a39281706f5e4d3c2b1a0' } })])).toEqual(['bearer:bearer']);
    expect(detectIn('Bearer short, Bearer authentication-required, Bearer ****************')).toEqual([]);
  });

  it('API keys by their documented shapes', () => {
    expect(detectIn('aws_access_key_id=AKIAQ3EGRX5NHQ7ZTB2L')).toEqual(['apikey:aws-access-key']);
    expect(detectIn('token ghp_a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8')).toEqual(['apikey:github-token']);
    expect(detectIn(`github_pat_11ABCDEFG0123456789abc_${'aB3dE5gH7jK9mN1pQ3sT5vW7yZ9bC2eF4hJ6kM8nP0rS2uV4xY6zA8cD1fG'}`)).toEqual(['apikey:github-token']);
    expect(detectIn('Stripe("pk_live_51H8xYzAbCdEfGhIjKlMnOpQr")')).toEqual(['apikey:stripe-key']);
    expect(detectIn('sk_test_4eC39HqLyjWDarjtT1zdp7dc')).toEqual(['apikey:stripe-key']);
    expect(detectIn('xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx')).toEqual(['apikey:slack-token']);
    expect(detectIn('key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY')).toEqual(['apikey:google-api-key']);
    expect(detectIn(`OPENAI_API_KEY=sk-proj-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0UvT3BlbkFJZy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji`)).toEqual(['apikey:openai-key']);
  });

  it('API keys: quiet on wrong lengths, placeholders and documentation examples', () => {
    expect(detectIn('AKIAQ3EGRX5NHQ7ZTB2 AKIAIOSFODNN7EXAMPLE ghp_short ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).toEqual([]);
    expect(detectIn('sk_live_short sk_live_xxxxxxxxxxxxxxxxxxxxxxxxxxxx xoxb-1234567890-abcdefghij AIzaShort sk-notanopenaikey1234567890')).toEqual([]);
  });

  it('masked values are not leaks: mask characters only, rrweb masked text, the last four kept', () => {
    const masked = [input(3, '****************'), input(4, '••••••••'), mutation({ texts: [{ id: 5, value: '**** ****@*****.***' }] }), input(6, '************4242')];
    expect(scanEvents(masked, { maskedLastChars: 4 })).toEqual([]);
    expect(detect([input(6, '4242 4242 4242 4242')])).toEqual(['card:visa']);
  });

  it('patterns: false leaves only canaries', () => {
    expect(scanEvents([inBody('jane@example.com 4111 1111 1111 1111')], { patterns: false })).toEqual([]);
  });
});
