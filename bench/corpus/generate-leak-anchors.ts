/**
 * Writes fixtures/corpus/leak/<detector>.json for the detectors issue 15 added (ip, dob,
 * national-id, crypto, private-key, credential in URLs, the newer API-key formats) and for values
 * typed into segmented inputs. Values are generated in each format's published shape with its real
 * check digits (seeded, so the files are the same on every run), each carried the ways a recording
 * carries text. Not the engine's unit-test values. Run: node --import tsx bench/corpus/generate-leak-anchors.ts
 *
 * Case format (shared with generate-leak.ts): { id, detector, value, encoding, source, text?, events? }.
 * No base64 cases: the pattern detectors read decoded url, JSON and HTML views, not base64 (canaries do).
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { el, pageSnapshot, text } from './nodes.ts';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { stdnum } from 'stdnum';
import type { LeakCase } from './leak-cases.ts';
import { seededRandom } from './seeded.ts';

const OUT = new URL('../../fixtures/corpus/leak/', import.meta.url);
const { rand, pick, of, digits } = seededRandom(0x15a7c0de);
const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = '0123456789abcdef';
/** The first completion of `stem` with one more character of `alphabet` that `valid` accepts. */
function complete(stem: string, alphabet: string, valid: (v: string) => boolean): string {
  for (const c of alphabet) if (valid(stem + c)) return stem + c;
  return complete(stem.slice(0, -1) + digits(1), alphabet, valid);
}
const ok = (country: string, id: string) => (v: string) => stdnum[country]![id]!.validate(v).isValid === true;

interface Source {
  value: string;
  /** Text before the value, as the page writes it (a label, a sentence). */
  context?: string;
  source: string;
}

// ---- ip: public unicast addresses, written as logs, headers and account pages write them ----
const IPS: Source[] = [
  ...['81.2.69.142', '89.160.20.112', '175.16.199.7', '216.160.83.56', '67.43.156.12', '149.101.100.3', '2.125.160.216', '31.13.71.36'].map((value, i) => ({
    value,
    context: pick(['Last sign-in from ', 'X-Forwarded-For: ', 'client_ip=', 'IP address: ', 'Your IP is ']),
    source: i < 6 ? 'MaxMind GeoIP2 test database addresses (github.com/maxmind/MaxMind-DB test-data), RFC 791 dotted quad' : 'RFC 791 dotted quad, public unicast',
  })),
  ...['2a02:c7f:7a4d:ef00:1c2b:9e3d:44a1:7b10', '2001:4860:4860::8888', '2a00:1450:4001:82b::200e', '2606:4700:4700::1111'].map((value) => ({
    value,
    context: pick(['Last sign-in from ', 'remote_addr=', 'IP address: ']),
    source: 'RFC 4291 / RFC 5952 text form (compressed zeros), global unicast 2000::/3',
  })),
];

// ---- dob: a date of birth after its label, in the languages and forms forms and APIs use ----
function dob(): [number, number, number] {
  return [1940 + Math.floor(rand() * 65), 1 + Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)];
}
const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_DE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const DOBS: Source[] = [
  ...Array.from({ length: 12 }, (_, i): Source => {
    const [y, m, d] = dob();
    const forms: [string, string, string][] = [
      ['Date of birth: ', `${pad(d)}/${pad(m)}/${y}`, 'UK/EU form label, DD/MM/YYYY'],
      ['DOB ', `${pad(m)}/${pad(d)}/${y}`, 'US form label, MM/DD/YYYY'],
      ['"birthDate":"', `${y}-${pad(m)}-${pad(d)}`, 'schema.org Person.birthDate / ISO 8601 in a JSON API'],
      ['date_of_birth=', `${y}-${pad(m)}-${pad(d)}`, 'form-encoded field name, ISO 8601'],
      ['Geburtsdatum: ', `${pad(d)}.${pad(m)}.${y}`, 'German form label, DD.MM.YYYY (DIN 5008)'],
      ['geboren am ', `${d}. ${MONTHS_DE[m - 1]} ${y}`, 'German prose, day and month name'],
      ['Date de naissance : ', `${pad(d)}/${pad(m)}/${y}`, 'French form label, JJ/MM/AAAA'],
      ['Fecha de nacimiento: ', `${pad(d)}/${pad(m)}/${y}`, 'Spanish form label, DD/MM/AAAA'],
      ['Data di nascita: ', `${pad(d)}/${pad(m)}/${y}`, 'Italian form label, GG/MM/AAAA'],
      ['Geboortedatum: ', `${pad(d)}-${pad(m)}-${y}`, 'Dutch form label, DD-MM-JJJJ'],
      ['Born ', `${MONTHS_EN[m - 1]} ${d}, ${y}`, 'English prose, month name first'],
      ['Birthday: ', `${d} ${MONTHS_EN[m - 1]} ${y}`, 'English profile label, day first'],
    ];
    const [context, value, source] = forms[i]!;
    return { value, context, source };
  }),
];

// ---- national-id: each in the format its issuer prints, with its check digits ----
function nhs(): string {
  for (;;) {
    const nine = digits(9);
    let sum = 0;
    for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return `${nine}${check}`;
  }
}
const group = (v: string, sizes: number[], sep = ' ') => {
  const out: string[] = [];
  let at = 0;
  for (const size of sizes) out.push(v.slice(at, (at += size)));
  return out.join(sep);
};
const NINO_PREFIX = ['AB', 'CE', 'JH', 'KL', 'MP', 'NR', 'PY', 'RA', 'SH', 'TW', 'WK', 'YZ'];
const CF_MONTH = 'ABCDEHLMPRST';
const NATIONAL: Source[] = [
  ...Array.from({ length: 3 }, () => ({ value: group(nhs(), [3, 3, 4]), context: 'NHS number: ', source: 'NHS Data Dictionary: NHS number, 10 digits printed 3-3-4, modulus 11 check' })),
  ...Array.from({ length: 3 }, () => ({ value: group(complete(`${pick(['1', '2', '4', '5', '6', '7', '9'])}${digits(7)}`, '0123456789', ok('CA', 'sin')), [3, 3, 3], pick([' ', '-'])), context: pick(['SIN: ', 'Social Insurance Number ']), source: 'Government of Canada SIN, 9 digits printed 3-3-3, Luhn check' })),
  ...Array.from({ length: 3 }, () => ({ value: group(complete(`${pick([...'23456789'])}${digits(10)}`, '0123456789', ok('IN', 'aadhaar')), [4, 4, 4]), context: pick(['Aadhaar No: ', 'Aadhaar ']), source: 'UIDAI Aadhaar, 12 digits printed 4-4-4, Verhoeff check' })),
  ...Array.from({ length: 3 }, () => ({ value: `${pick(NINO_PREFIX)} ${digits(2)} ${digits(2)} ${digits(2)} ${pick(['A', 'B', 'C', 'D'])}`, context: 'National Insurance number: ', source: 'HMRC NIM39110: NINO, two prefix letters, six digits, suffix A-D' })),
  ...Array.from({ length: 2 }, () => ({ value: `${of('ABCDEFGHJKLMNPQRSTUVWXYZ', 3)}P${of('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1)}${digits(4)}${of('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1)}`, context: 'PAN card: ', source: 'Income Tax Department PAN, AAAPA9999A, 4th letter P for an individual' })),
  ...Array.from({ length: 3 }, () => ({ value: complete(digits(8), 'TRWAGMYFPDXBNJZSQVHLCKE', ok('ES', 'dni')), context: 'DNI: ', source: 'Spanish DNI, 8 digits and a mod-23 letter' })),
  ...Array.from({ length: 2 }, () => ({ value: complete(`${pick(['X', 'Y', 'Z'])}${digits(7)}`, 'TRWAGMYFPDXBNJZSQVHLCKE', ok('ES', 'nie')), context: 'NIE ', source: 'Spanish NIE, X/Y/Z, 7 digits and a mod-23 letter' })),
  ...Array.from({ length: 3 }, () => ({ value: complete(`${of('BCDFGLMNPRSTVZ', 3)}${of('BCDFGLMNPRSTVZAEIOU', 3)}${pad(40 + Math.floor(rand() * 59))}${pick([...CF_MONTH])}${pad(1 + Math.floor(rand() * 28) + (rand() < 0.5 ? 40 : 0))}${pick(['F205', 'H501', 'L219', 'A944', 'D969'])}`, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', ok('IT', 'codicefiscale')), context: 'Codice fiscale: ', source: 'Agenzia delle Entrate codice fiscale (DM 23/12/1976), 16 characters, check letter' })),
  ...Array.from({ length: 3 }, () => ({ value: complete(digits(8), '0123456789', ok('NL', 'bsn')), context: pick(['BSN: ', 'Burgerservicenummer ']), source: 'Dutch BSN, 9 digits, 11-proef' })),
  ...Array.from({ length: 3 }, () => {
    const y = 50 + Math.floor(rand() * 49);
    return { value: complete(`${pad(y)}${pad(1 + Math.floor(rand() * 12))}${pad(1 + Math.floor(rand() * 28))}${digits(4)}`, '0123456789', ok('PL', 'pesel')), context: 'PESEL: ', source: 'Polish PESEL, YYMMDD + serial + check digit' };
  }),
  ...Array.from({ length: 2 }, () => {
    const body = `${pick(['1', '2'])}${pad(50 + Math.floor(rand() * 49))}${pad(1 + Math.floor(rand() * 12))}${pick(['75', '69', '13', '33', '59'])}${digits(3)}${digits(3)}`;
    const key = pad(97 - (Number(BigInt(body) % 97n)));
    return { value: group(`${body}${key}`, [1, 2, 2, 2, 3, 3, 2]), context: 'N° de sécurité sociale : ', source: 'INSEE NIR, 13 digits and a mod-97 key, printed 1-2-2-2-3-3-2' };
  }),
];

// ---- crypto: wallet addresses with real checksums ----
const B58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
function base58check(version: number, payload: Buffer): string {
  const data = Buffer.concat([Buffer.from([version]), payload]);
  const check = createHash('sha256').update(createHash('sha256').update(data).digest()).digest().subarray(0, 4);
  const bytes = Buffer.concat([data, check]);
  let n = BigInt(`0x${bytes.toString('hex')}`);
  let out = '';
  while (n > 0n) {
    out = B58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of bytes) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
function bech32(hrp: string, version: number, program: Buffer, m: boolean): string {
  const values: number[] = [version];
  let acc = 0;
  let bits = 0;
  for (const b of program) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) values.push((acc >> (bits -= 5)) & 31);
  }
  if (bits > 0) values.push((acc << (5 - bits)) & 31);
  const polymod = (vs: number[]) => {
    const G = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    let chk = 1;
    for (const v of vs) {
      const top = chk >> 25;
      chk = ((chk & 0x1ffffff) << 5) ^ v;
      for (let i = 0; i < 5; i++) if ((top >> i) & 1) chk ^= G[i]!;
    }
    return chk;
  };
  const expanded = [...[...hrp].map((c) => c.charCodeAt(0) >> 5), 0, ...[...hrp].map((c) => c.charCodeAt(0) & 31)];
  const mod = polymod([...expanded, ...values, 0, 0, 0, 0, 0, 0]) ^ (m ? 0x2bc830a3 : 1);
  const checksum = Array.from({ length: 6 }, (_, i) => (mod >> (5 * (5 - i))) & 31);
  return `${hrp}1${[...values, ...checksum].map((v) => BECH32[v]).join('')}`;
}
const randomBytes = (n: number) => Buffer.from(Array.from({ length: n }, () => Math.floor(rand() * 256)));
function eip55(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  const hash = Buffer.from(keccak_256(new TextEncoder().encode(hex))).toString('hex');
  return `0x${[...hex].map((c, i) => (Number.parseInt(hash[i]!, 16) >= 8 ? c.toUpperCase() : c)).join('')}`;
}
const CRYPTO: Source[] = [
  ...Array.from({ length: 3 }, () => ({ value: base58check(0, randomBytes(20)), context: 'Send BTC to ', source: 'Bitcoin P2PKH (version 0x00), base58check' })),
  ...Array.from({ length: 2 }, () => ({ value: base58check(5, randomBytes(20)), context: 'bitcoin wallet: ', source: 'Bitcoin P2SH (BIP 13, version 0x05), base58check' })),
  ...Array.from({ length: 2 }, () => ({ value: bech32('bc', 0, randomBytes(20), false), context: 'Payout address ', source: 'Bitcoin P2WPKH, bech32 (BIP 173)' })),
  ...Array.from({ length: 1 }, () => ({ value: bech32('bc', 1, randomBytes(32), true), context: 'Payout address ', source: 'Bitcoin P2TR, bech32m (BIP 350)' })),
  ...Array.from({ length: 4 }, () => ({ value: eip55(randomBytes(20)), context: pick(['Connected wallet ', 'ETH address: ', '"from":"']), source: 'Ethereum address, EIP-55 mixed-case checksum' })),
  ...Array.from({ length: 1 }, () => ({ value: `0x${randomBytes(20).toString('hex')}`, context: '"wallet":"', source: 'Ethereum address, lower case (as JSON-RPC returns it)' })),
];

// ---- private-key: PEM blocks as key generators write them ----
function pem(type: 'rsa' | 'ec' | 'ed25519', format: 'pkcs1' | 'pkcs8' | 'sec1'): string {
  const { privateKey } = type === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 1024 }) : type === 'ec' ? generateKeyPairSync('ec', { namedCurve: 'P-256' }) : generateKeyPairSync('ed25519');
  return privateKey.export({ type: format as 'pkcs1', format: 'pem' }).toString().trim();
}
const KEYS: Source[] = [
  ...Array.from({ length: 3 }, () => ({ value: pem('rsa', 'pkcs1'), source: 'RFC 8017 PKCS#1 RSAPrivateKey in RFC 7468 PEM ("BEGIN RSA PRIVATE KEY")' })),
  ...Array.from({ length: 3 }, () => ({ value: pem('rsa', 'pkcs8'), source: 'RFC 5208 PKCS#8 PrivateKeyInfo in RFC 7468 PEM ("BEGIN PRIVATE KEY")' })),
  ...Array.from({ length: 2 }, () => ({ value: pem('ec', 'sec1'), source: 'RFC 5915 SEC1 ECPrivateKey in PEM ("BEGIN EC PRIVATE KEY")' })),
  ...Array.from({ length: 2 }, () => ({ value: pem('ec', 'pkcs8'), source: 'PKCS#8 EC key in PEM' })),
  ...Array.from({ length: 2 }, () => ({ value: pem('ed25519', 'pkcs8'), source: 'RFC 8410 Ed25519 PKCS#8 in PEM' })),
];

// ---- credential: passwords in URLs (RFC 3986 userinfo) ----
const password = () => of(`${BASE62}!_~`, 10 + Math.floor(rand() * 12));
const URLS: Source[] = [
  ['postgres://app', 'db.internal:5432/shop', 'libpq connection URI (PostgreSQL docs 34.1.1)'],
  ['postgresql://reporting', 'pg-replica.prod.example.net/analytics', 'libpq connection URI'],
  ['mysql://root', '10.0.4.7:3306/orders', 'MySQL Connector URI'],
  ['mongodb+srv://svc-api', 'cluster0.ab1cd.mongodb.net/prod', 'MongoDB SRV connection string'],
  ['redis://default', 'cache.example.net:6379/0', 'Redis URI scheme (IANA redis)'],
  ['amqp://guest2', 'mq.example.net:5672/vhost', 'RabbitMQ AMQP URI spec'],
  ['https://deploy', 'git.example.com/team/app.git', 'git over HTTPS with basic auth in the URL'],
  ['ftp://upload', 'files.example.org/incoming', 'RFC 1738 FTP URL with password'],
  ['http://proxyuser', 'proxy.corp.example:3128', 'HTTP proxy URL (HTTPS_PROXY style)'],
  ['smtp://mailer', 'smtp.example.com:587', 'SMTP URL (nodemailer transport string)'],
  ['https://admin', 'staging.example.com/admin', 'HTTP basic auth link (RFC 3986 3.2.1, deprecated but written)'],
].map(([head, tail, source]) => {
  const secret = password();
  return { value: secret, context: '', source: source!, full: `${head}:${secret}@${tail}` } as Source & { full: string };
});

// ---- apikey: the newer gitleaks formats ----
const KEYS_API: Source[] = [
  ...Array.from({ length: 3 }, () => ({ value: `npm_${of(BASE62, 36)}`, context: '//registry.npmjs.org/:_authToken=', source: 'gitleaks npm-access-token; npm granular/automation tokens' })),
  ...Array.from({ length: 3 }, () => ({ value: `glpat-${of(`${BASE62}_-`, 20)}`, context: 'PRIVATE-TOKEN: ', source: 'gitleaks gitlab-pat; GitLab personal access token' })),
  ...Array.from({ length: 3 }, () => ({ value: `SG.${of(`${BASE62}_-`, 22)}.${of(`${BASE62}_-`, 43)}`, context: 'SENDGRID_API_KEY=', source: 'gitleaks sendgrid-api-token; SendGrid API key SG.<id>.<secret>' })),
  ...Array.from({ length: 3 }, () => ({ value: `SK${of(HEX, 32)}`, context: 'twilio api key sid: ', source: 'gitleaks twilio-api-key; Twilio API key SID' })),
];

// ---- encodings: how a recording carries the value ----
const snapshot = (body: () => unknown[]) => pageSnapshot('https://staging.example.com/account', body);
type Case = LeakCase;
function carried(inText: string, multiline: boolean): Omit<Case, 'id' | 'detector' | 'value' | 'source'>[] {
  const out: Omit<Case, 'id' | 'detector' | 'value' | 'source'>[] = [
    { encoding: 'plain', text: inText },
    { encoding: 'json-escaped', text: JSON.stringify({ value: inText }).replace(/ /g, '\\u0020') },
    // Server-side escaping as OWASP's XSS rules write it (/ as &#x2F;), with &nbsp; between words of one line.
    { encoding: 'html-entities', text: (multiline ? inText : inText.replace(/ /g, '&nbsp;')).replace(/:/g, '&#58;').replace(/\//g, '&#x2F;').replace(/\+/g, '&#43;') },
  ];
  if (!multiline) {
    out.push({ encoding: 'url', text: `https://staging.example.com/search?q=${encodeURIComponent(inText)}&page=2` });
    let field = 0;
    const events = snapshot(() => {
      const textarea = el('textarea', { name: 'notes' }, []);
      field = textarea.id;
      return [el('form', {}, [textarea])];
    });
    events.push({ type: 3, data: { source: 5, id: field, text: inText, isChecked: false }, timestamp: 1767225601000 });
    out.push({ encoding: 'input', events });
  }
  return out;
}

const CARDS_SEGMENTED: { value: string; groups: string[]; source: string }[] = [];
function luhnComplete(stem: string): string {
  return complete(stem, '0123456789', (v) => {
    let sum = 0;
    for (let i = 0; i < v.length; i++) {
      let n = Number(v[v.length - 1 - i]);
      if (i % 2 === 1) n = n * 2 > 9 ? n * 2 - 9 : n * 2;
      sum += n;
    }
    return sum % 10 === 0;
  });
}
for (let i = 0; i < 10; i++) {
  const [prefix, sizes, source] = pick([
    ['4', [4, 4, 4, 4], 'Visa 16 digits in four inputs of four (checkout forms with maxlength=4 fields)'],
    ['51', [4, 4, 4, 4], 'Mastercard 16 digits in four inputs of four'],
    ['2221', [4, 4, 4, 4], 'Mastercard 2-series in four inputs of four'],
    ['37', [4, 6, 5], 'Amex 15 digits in three inputs 4-6-5'],
    ['6011', [4, 4, 4, 4], 'Discover in four inputs of four'],
  ] as const);
  const total = sizes.reduce((a, b) => a + b, 0);
  const value = luhnComplete(`${prefix}${digits(total - prefix.length - 1)}`);
  const groups: string[] = [];
  let at = 0;
  for (const size of sizes) groups.push(value.slice(at, (at += size)));
  CARDS_SEGMENTED.push({ value: groups.join(' '), groups, source });
}
function segmented(groups: string[]): unknown[] {
  let inputs: { id: number }[] = [];
  const events = snapshot(() => {
    inputs = groups.map((_, i) => el('input', { type: 'tel', inputmode: 'numeric', maxlength: String(groups[i]!.length), autocomplete: i === 0 ? 'cc-number' : 'off' }, []));
    return [el('form', {}, [el('div', { class: 'card-number' }, inputs)])];
  });
  let t = 1767225601000;
  for (const [i, node] of inputs.entries()) {
    const value = groups[i]!;
    for (let k = 1; k <= value.length; k++) events.push({ type: 3, data: { source: 5, id: node.id, text: value.slice(0, k), isChecked: false }, timestamp: (t += 120) });
  }
  return events;
}

mkdirSync(OUT, { recursive: true });
let total = 0;
const write = (name: string, cases: Case[]) => {
  writeFileSync(new URL(`${name}.json`, OUT), `${JSON.stringify(cases, null, 1)}\n`);
  total += cases.length;
};
const sets: [string, string, Source[]][] = [
  ['ip', 'ip', IPS],
  ['dob', 'dob', DOBS],
  ['national-id', 'national-id', NATIONAL],
  ['crypto', 'crypto', CRYPTO],
  ['private-key', 'private-key', KEYS],
  ['apikey-issue15', 'apikey', KEYS_API],
];
for (const [file, detector, sources] of sets) {
  const cases: Case[] = [];
  sources.forEach((s, i) => {
    for (const c of carried(`${s.context ?? ''}${s.value}`, s.value.includes('\n'))) cases.push({ id: `${file}-${String(i + 1).padStart(2, '0')}-${c.encoding}`, detector, value: s.value, source: s.source, ...c });
  });
  write(file, cases);
}
write(
  'credential-url',
  URLS.flatMap((s, i) => carried(`DATABASE_URL=${(s as Source & { full: string }).full}`, false).filter((c) => c.encoding !== 'url').map((c) => ({ id: `credential-url-${String(i + 1).padStart(2, '0')}-${c.encoding}`, detector: 'credential', value: s.value, source: s.source, ...c }))),
);
write(
  'card-segmented',
  CARDS_SEGMENTED.map((c, i) => ({ id: `card-segmented-${String(i + 1).padStart(2, '0')}`, detector: 'card', value: c.value, encoding: 'segmented-input', source: c.source, events: segmented(c.groups) })),
);
console.log(`wrote ${total} leak cases to fixtures/corpus/leak/`);
