/**
 * Writes fixtures/corpus/leak/<detector>.json for the detectors maskproof had before issue 15 and for
 * person names and street addresses: labelled cases of personal data in the forms real systems write
 * it (sources named per value), each in several encodings as a recording carries them.
 * Deterministic (seeded).  npx tsx bench/corpus/generate-leak.ts
 * Case format (shared with the other detectors' files): { id, detector, value, encoding, source, text?, events? }.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { LeakCase } from './leak-cases.ts';
import { seededRandom } from './seeded.ts';

const OUT = new URL('../../fixtures/corpus/leak/', import.meta.url);

const { of: from } = seededRandom(0x1eaca5e);
const B62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

type Source = { value: string; source: string; context?: string };

// ---- values, from the formats their issuers and standards document ----
const EMAILS: Source[] = [
  { value: 'jane.doe@gmail.com', source: 'consumer webmail, dotted local part' },
  { value: 'j.doe+newsletter@outlook.com', source: 'RFC 5233 subaddressing (plus tag)' },
  { value: 'ops_team@eu.mail.acme-corp.io', source: 'underscore local part, nested subdomain, hyphenated label' },
  { value: 'k.tanaka@example.co.jp', source: 'second-level country domain (.co.jp)' },
  { value: 'priya.n@university.ac.in', source: 'academic domain (.ac.in)' },
  { value: 'marc-antoine.dupont@orange.fr', source: 'hyphenated local part, ISP domain' },
  { value: '1029384756@qq.com', source: 'numeric local part (QQ mail)' },
  { value: 'support.billing@shop.example.technology', source: 'long new gTLD (.technology)' },
  { value: 'o.brien@eircom.net', source: 'Irish ISP' },
  { value: 'LUCAS.SILVA@UOL.COM.BR', source: 'upper case as legacy systems store it' },
  { value: 'x@y.io', source: 'shortest realistic address' },
  { value: 'first.middle.last@subdomain.company.com.au', source: 'three-part local, .com.au' },
];
const PHONES: Source[] = [
  { value: '+1 415-555-2671', source: 'E.164 US, NANP dashes' },
  { value: '(212) 555-0198', source: 'US national format with area code in parentheses' },
  { value: '+44 20 7946 0958', source: 'UK London, Ofcom drama range, international format' },
  { value: '+44 7911 123456', source: 'UK mobile, 4+6 grouping' },
  { value: '+49 30 901820', source: 'German Berlin landline' },
  { value: '+49 1512 3456789', source: 'German mobile: 7-digit subscriber group' },
  { value: '+33 1 42 68 53 00', source: 'French pairs format' },
  { value: '+33 6 12 34 56 78', source: 'French mobile pairs' },
  { value: '+91 98765 43210', source: 'Indian mobile 5+5' },
  { value: '+81 3-1234-5678', source: 'Japanese Tokyo landline' },
  { value: '+55 11 91234-5678', source: 'Brazilian São Paulo mobile' },
  { value: '+61 2 9374 4000', source: 'Australian Sydney landline' },
  { value: '+34 912 345 678', source: 'Spanish Madrid landline' },
  { value: '+39 06 6988 4857', source: 'Italian Rome landline' },
  { value: '+31 20 624 1111', source: 'Dutch Amsterdam landline' },
  { value: '+1.202.555.0173', source: 'US with dots' },
];
// Luhn-valid numbers from the networks' published test ranges.
const CARDS: Source[] = [
  { value: '4111 1111 1111 1111', source: 'Visa test PAN, 4-4-4-4' },
  { value: '4242424242424242', source: 'Visa (Stripe test), no separators' },
  { value: '5555-5555-5555-4444', source: 'Mastercard test PAN, dashes' },
  { value: '2223 0031 2200 3222', source: 'Mastercard 2-series BIN' },
  { value: '3782 822463 10005', source: 'American Express 4-6-5 grouping' },
  { value: '6011 1111 1111 1117', source: 'Discover test PAN' },
  { value: '3566 0020 2036 0505', source: 'JCB test PAN' },
  { value: '3056 930902 5904', source: 'Diners Club 14 digits 4-6-4' },
  { value: '6200 0000 0000 0005', source: 'UnionPay test PAN' },
  { value: '4000056655665556', source: 'Visa debit test PAN' },
  { value: '5200 8282 8282 8210', source: 'Mastercard debit test PAN' },
  { value: '4917 6100 0000 0000', source: 'Visa Electron range' },
];
const IBANS: Source[] = [
  { value: 'GB82 WEST 1234 5698 7654 32', source: 'UK, SWIFT IBAN registry example, print format' },
  { value: 'DE89370400440532013000', source: 'Germany, electronic format' },
  { value: 'FR14 2004 1010 0505 0001 3M02 606', source: 'France, letters in BBAN' },
  { value: 'ES91 2100 0418 4502 0005 1332', source: 'Spain' },
  { value: 'NL91ABNA0417164300', source: 'Netherlands' },
  { value: 'IT60 X054 2811 1010 0000 0123 456', source: 'Italy, CIN letter' },
  { value: 'BE68 5390 0754 7034', source: 'Belgium (16 characters)' },
  { value: 'CH93 0076 2011 6238 5295 7', source: 'Switzerland' },
  { value: 'AT611904300234573201', source: 'Austria' },
  { value: 'PL61 1090 1014 0000 0712 1981 2874', source: 'Poland' },
  { value: 'SE45 5000 0000 0583 9825 7466', source: 'Sweden' },
  { value: 'NO93 8601 1117 947', source: 'Norway (15 characters, shortest)' },
  { value: 'IE29 AIBK 9311 5212 3456 78', source: 'Ireland' },
];
const SSNS: Source[] = [
  { value: '536-22-8726', source: 'US SSN, SSA dashed format' },
  { value: '609-18-3342', source: 'US SSN, SSA dashed format, 6xx area' },
  { value: '078-51-1121', source: 'US SSN, low area number' },
  { value: '401-66-5543', source: 'US SSN, post-2011 randomised' },
  { value: '123 45 6781', source: 'US SSN with spaces (forms that accept them)' },
  { value: '772-31-0902', source: 'US SSN, high area number' },
];
const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (header: object, payload: object) => `${b64url(header)}.${b64url(payload)}.${Buffer.from(from(B62, 32)).toString('base64url')}`;
const JWTS: Source[] = [
  { value: jwt({ alg: 'HS256', typ: 'JWT' }, { sub: 'u_8842', iat: 1767225600, exp: 1767229200 }), source: 'RFC 7519 HS256 access token' },
  { value: jwt({ alg: 'RS256', kid: 'k1-2026', typ: 'JWT' }, { iss: 'https://auth.example.com/', aud: 'api', scope: 'read:orders' }), source: 'OIDC RS256 with kid' },
  { value: jwt({ typ: 'JWT', alg: 'ES256' }, { sid: 'c0ffee', role: 'admin' }), source: 'ES256, typ before alg' },
  { value: jwt({ alg: 'EdDSA' }, { sub: '42' }), source: 'EdDSA, minimal header' },
  { value: jwt({ alg: 'HS512', typ: 'JWT' }, { email_verified: true, nonce: from(B62, 12) }), source: 'HS512 id token' },
  { value: jwt({ alg: 'PS256', typ: 'at+jwt' }, { client_id: 'spa', jti: from(B62, 16) }), source: 'RFC 9068 access token (at+jwt)' },
];
const BEARERS: Source[] = [
  { value: `gho_${from(B62, 36)}`.slice(0, 20) + from(B62, 20), source: 'opaque OAuth 2.0 bearer token (RFC 6750)', context: 'Authorization: Bearer ' },
  { value: `${from(B62, 40)}`, source: 'opaque 40-character access token', context: 'authorization: bearer ' },
  { value: `ya29.${from(B62 + '-_', 60)}`, source: 'Google OAuth access token shape (ya29.)', context: 'Authorization: Bearer ' },
  { value: `${from('0123456789abcdef', 32)}`, source: 'hex session token', context: 'Bearer ' },
  { value: `${from(B62, 24)}~${from(B62, 8)}`, source: 'b64token with ~', context: 'Authorization: BEARER ' },
];
const APIKEYS: Source[] = [
  { value: `AKIA${from('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, source: 'AWS access key id (AKIA + 16 base32)' },
  { value: `ASIA${from('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, source: 'AWS temporary (STS) access key id' },
  { value: `ghp_${from(B62, 36)}`, source: 'GitHub classic personal access token' },
  { value: `github_pat_${from(B62, 22)}_${from(B62, 59)}`, source: 'GitHub fine-grained personal access token' },
  { value: `sk_live_${from(B62, 24)}`, source: 'Stripe live secret key' },
  { value: `rk_live_${from(B62, 99)}`, source: 'Stripe restricted key (long form)' },
  { value: `xoxb-${from('0123456789', 12)}-${from('0123456789', 13)}-${from(B62, 24)}`, source: 'Slack bot token' },
  { value: `AIza${from(B62 + '-_', 35)}`, source: 'Google API key' },
  { value: `sk-proj-${from(B62, 40)}T3BlbkFJ${from(B62, 40)}`, source: 'OpenAI project key' },
];
const NAMES: Source[] = [
  { value: 'Maria Garcia', source: 'most common Hispanic name pair in the US' },
  { value: 'James Smith', source: 'most common US male full name' },
  { value: 'Olivia Johnson', source: 'top SSA given name + top-2 US surname' },
  { value: 'Priya Sharma', source: 'common Indian name' },
  { value: 'Mohammed Al-Rashid', source: 'Arabic name, hyphenated al- surname' },
  { value: 'Wei Zhang', source: 'common Chinese name, given-first' },
  { value: 'Hans Müller', source: 'common German name with umlaut' },
  { value: 'Sophie Martin', source: 'most common French surname' },
  { value: "Liam O'Connor", source: 'Irish surname with apostrophe' },
  { value: 'Lucas Silva', source: 'most common Brazilian surname' },
  { value: 'Emma de Vries', source: 'Dutch surname with particle' },
  { value: 'Giulia Rossi', source: 'most common Italian surname' },
  { value: 'Noah Williams', source: 'UK/US common name' },
  { value: 'Aisha Bello', source: 'Nigerian name' },
  { value: 'Jakub Nowak', source: 'most common Polish surname' },
  { value: 'Elena Popescu', source: 'common Romanian name' },
  { value: 'Ahmet Yılmaz', source: 'most common Turkish surname (dotless ı)' },
  { value: 'Sarah J. Thompson', source: 'middle initial, as admin tables print it' },
  { value: 'Nguyen, Thi Mai', source: 'Vietnamese name in a Surname, Given cell' },
  { value: 'Garcia, Carlos', source: 'Surname, Given (sortable admin column)' },
  { value: 'Jean-Pierre Lefebvre', source: 'French hyphenated given name' },
  { value: 'Ingrid Johansson', source: 'Swedish name' },
  { value: 'Mateo Hernández', source: 'Spanish name with accent' },
  { value: 'Chloe Nguyen', source: 'Vietnamese-American name' },
  { value: 'Daniel Kowalski', source: 'Polish-American name' },
];
const ADDRESSES: Source[] = [
  { value: '1600 Amphitheatre Parkway', source: 'US, number + name + Parkway' },
  { value: '350 Fifth Avenue', source: 'US, ordinal-word street' },
  { value: '221B Baker Street', source: 'UK, number with letter suffix' },
  { value: '10 Downing Street', source: 'UK' },
  { value: '742 Evergreen Terrace', source: 'US, Terrace' },
  { value: '1 Infinite Loop Dr', source: 'US, abbreviated type' },
  { value: '4059 Mt Lee Dr.', source: 'US, abbreviated words and trailing dot' },
  { value: '77 Massachusetts Ave', source: 'US, Ave' },
  { value: '12 Elm Court, Springfield', source: 'US, weak type followed by city' },
  { value: '30 W 34th St', source: 'US, direction and ordinal' },
  { value: 'Hauptstraße 12', source: 'German, street type glued, number after' },
  { value: 'Lindenweg 7a', source: 'German, -weg with letter suffix' },
  { value: 'Keizersgracht 123', source: 'Dutch, -gracht' },
  { value: 'Storgatan 5', source: 'Swedish, -gatan' },
  { value: '12 rue de la Paix', source: 'French, number first, lower-case type' },
  { value: '55 boulevard Haussmann', source: 'French boulevard' },
  { value: 'Calle Mayor 12', source: 'Spanish, type first' },
  { value: 'Via Roma, 10', source: 'Italian, comma before number' },
  { value: 'Rua Augusta 100', source: 'Portuguese' },
  { value: '8 Rose Lane', source: 'UK, common-word street name' },
];

// ---- encodings: how a recording carries the value ----
let nextId = 1;
const text = (textContent: string) => ({ type: 3, textContent, id: nextId++ });
const el = (tagName: string, attributes: Record<string, string>, childNodes: unknown[]) => ({ type: 2, tagName, attributes, childNodes, id: nextId++ });
function snapshot(body: unknown[]): unknown[] {
  nextId = 1;
  const root = { type: 0, id: nextId++, childNodes: [{ type: 1, name: 'html', publicId: '', systemId: '', id: nextId++ }, el('html', {}, [el('head', {}, []), el('body', {}, body)])] };
  return [
    { type: 4, data: { href: 'https://staging.example.com/admin/users', width: 1280, height: 800 }, timestamp: 1767225600000 },
    { type: 2, data: { node: root, initialOffset: { top: 0, left: 0 } }, timestamp: 1767225600010 },
  ];
}
/** The value as a reader sees it but the DOM splits it: words or digit groups in their own inline elements. */
function splitDom(value: string): unknown[] {
  const parts = value.split(/(\s+|-)/).filter((p) => p !== '');
  const children = parts.map((p) => (/^\s+$/.test(p) ? text(p) : el('span', { class: 'seg' }, [text(p)])));
  return snapshot([el('table', {}, [el('tr', {}, [el('td', {}, children)])])]);
}

interface Encoded {
  encoding: string;
  text?: string;
  events?: unknown[];
}
function encodings(value: string, context = '', letters: boolean): Encoded[] {
  const inText = `${context}${value}`;
  const out: Encoded[] = [
    { encoding: 'plain', text: inText },
    { encoding: 'url', text: `https://staging.example.com/search?q=${encodeURIComponent(inText)}&page=2` },
    { encoding: 'json-escaped', text: JSON.stringify({ value: inText }).replace(/@/g, '\\u0040').replace(/ /g, '\\u0020') },
    { encoding: 'html-entities', text: inText.replace(/@/g, '&#64;').replace(/ /g, '&nbsp;').replace(/-/g, '&#45;') },
    { encoding: 'base64', text: `payload=${Buffer.from(inText).toString('base64')}` },
  ];
  if (/[\s-]/.test(value)) out.push({ encoding: 'split-dom', events: splitDom(inText) });
  // Typed into a field: an rrweb input event carrying the text.
  const events = snapshot([el('form', {}, [el('input', { type: 'text', name: letters ? 'name' : 'number' }, [])])]);
  events.push({ type: 3, data: { source: 5, id: findInputId(events), text: inText, isChecked: false }, timestamp: 1767225601000 });
  out.push({ encoding: 'input', events });
  return out;
}
function findInputId(events: unknown[]): number {
  let id = -1;
  const walk = (n: { tagName?: string; id: number; childNodes?: unknown[] }) => {
    if (n.tagName === 'input') id = n.id;
    for (const c of n.childNodes ?? []) walk(c as never);
  };
  walk((events[1] as { data: { node: never } }).data.node);
  return id;
}

mkdirSync(OUT, { recursive: true });
const sets: [string, Source[], boolean][] = [
  ['email', EMAILS, true],
  ['phone', PHONES, false],
  ['card', CARDS, false],
  ['iban', IBANS, false],
  ['ssn', SSNS, false],
  ['jwt', JWTS, true],
  ['bearer', BEARERS, true],
  ['apikey', APIKEYS, true],
  ['person-name', NAMES, true],
  ['street-address', ADDRESSES, true],
];
let total = 0;
for (const [detector, values, letters] of sets) {
  const cases: LeakCase[] = [];
  values.forEach((v, i) => {
    for (const e of encodings(v.value, v.context, letters)) cases.push({ id: `${detector}-${String(i + 1).padStart(2, '0')}-${e.encoding}`, detector, value: v.value, encoding: e.encoding, source: v.source, ...(e.text !== undefined ? { text: e.text } : {}), ...(e.events ? { events: e.events } : {}) });
  });
  writeFileSync(new URL(`${detector}.json`, OUT), `${JSON.stringify(cases, null, 1)}\n`);
  total += cases.length;
}
console.log(`wrote ${total} leak cases to fixtures/corpus/leak/`);
