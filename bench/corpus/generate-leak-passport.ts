/**
 * Writes fixtures/corpus/leak/passport.json: passport numbers of the main markets in the formats their
 * issuers publish (random serials, seeded), each after a label in the language of a form or an API,
 * and TD3 machine-readable zones (ICAO Doc 9303 part 4) with their check digits computed here from
 * the standard (part 3 §4.9: weights 7-3-1, A-Z = 10-35, '<' = 0), for random holders. Not the
 * engine's unit-test values.  node --import tsx bench/corpus/generate-leak-passport.ts
 * Case format (shared with generate-leak.ts): { id, detector, value, encoding, source, text?, events? }.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { el, pageSnapshot, text } from './nodes.ts';
import type { LeakCase } from './leak-cases.ts';
import { seededRandom } from './seeded.ts';

const OUT = new URL('../../fixtures/corpus/leak/', import.meta.url);
const { rand, pick, of } = seededRandom(0x9a55b0);
const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** ICAO 9303 check digit, written from the standard's text. */
function check(field: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  [...field].forEach((c, i) => {
    const v = /\d/.test(c) ? Number(c) : c === '<' ? 0 : c.charCodeAt(0) - 'A'.charCodeAt(0) + 10;
    sum += v * weights[i % 3]!;
  });
  return String(sum % 10);
}

interface Format {
  country: string;
  make: () => string;
  source: string;
}
/** Germany's Reisepass serial: authority letter, eight characters of the alphabet without vowels and look-alikes. */
const DE_ALPHABET = 'CFGHJKLMNPRTVWXYZ0123456789';
const FORMATS: Format[] = [
  { country: 'US', make: () => of('123456789', 1) + of(DIGITS, 8), source: 'US passport book, 9 digits (pre-2021)' },
  { country: 'US', make: () => of(LETTERS, 1) + of(DIGITS, 8), source: 'US Next Generation Passport, letter + 8 digits (2021+)' },
  { country: 'GB', make: () => of('123456789', 1) + of(DIGITS, 8), source: 'UK passport, 9 digits (HM Passport Office)' },
  { country: 'DE', make: () => of('CFGHJK', 1) + of(DE_ALPHABET, 8), source: 'German Reisepass serial, 9 characters of CFGHJKLMNPRTVWXYZ0-9' },
  { country: 'DE', make: () => { const serial = of('CFGHJK', 1) + of(DE_ALPHABET, 8); return serial + check(serial); }, source: 'German Reisepass serial with its 7-3-1 check digit (as on the MRZ)' },
  { country: 'FR', make: () => of(DIGITS, 2) + of(LETTERS, 2) + of(DIGITS, 5), source: 'French passport, 2 digits + 2 letters + 5 digits' },
  { country: 'IN', make: () => of('ABCDEFGHJKLMNPRSTUVWZ', 1) + of('123456789', 1) + of(DIGITS, 6), source: 'Indian passport, letter + 7 digits' },
  { country: 'CA', make: () => of(LETTERS, 2) + of(DIGITS, 6), source: 'Canadian passport, 2 letters + 6 digits' },
  { country: 'AU', make: () => of('NPRE', 1) + of(LETTERS, 1) + of(DIGITS, 7), source: 'Australian passport, 2 letters + 7 digits' },
  { country: 'JP', make: () => of('TMR', 1) + of(LETTERS, 1) + of(DIGITS, 7), source: 'Japanese passport, 2 letters + 7 digits' },
  { country: 'ES', make: () => of(LETTERS, 3) + of(DIGITS, 6), source: 'Spanish pasaporte, 3 letters + 6 digits' },
  { country: 'IT', make: () => of(LETTERS, 2) + of(DIGITS, 7), source: 'Italian passaporto, 2 letters + 7 digits' },
  { country: 'NL', make: () => of('ABCDEFGHIJKLMNPQRSTUVWXYZ', 2) + of('ABCDEFGHIJKLMNPQRSTUVWXYZ0123456789', 6) + of(DIGITS, 1), source: 'Dutch paspoort, 2 letters + 6 letters or digits + a digit (no O)' },
  { country: 'CN', make: () => 'E' + of(DIGITS, 8), source: 'Chinese e-passport, E + 8 digits' },
];
/** Labels as forms, account pages and APIs write them, by language. */
const LABELS: Record<string, string[]> = {
  US: ['Passport No.: ', 'Passport number ', 'Passport #: ', 'passport_number='],
  GB: ['Passport number: ', 'Passport No ', 'passportNo='],
  DE: ['Reisepassnummer: ', 'Pass-Nr. ', 'Reisepass: '],
  FR: ['N° de passeport : ', 'Numéro de passeport : ', 'Passeport n° '],
  IN: ['Passport No.: ', 'Passport Number : '],
  CA: ['Passport number / Numéro de passeport: ', 'Passport: '],
  AU: ['Passport number: ', 'Passport No. '],
  JP: ['Passport No. ', 'Passport number: '],
  ES: ['Número de pasaporte: ', 'Pasaporte: ', 'N.º de pasaporte '],
  IT: ['Numero di passaporto: ', 'Passaporto n. '],
  NL: ['Paspoortnummer: ', 'Paspoort: '],
  CN: ['Passport No.: ', 'passport_no='],
};

const SURNAMES = ['SMITH', 'GARCIA', 'MUELLER', 'MARTIN', 'ROSSI', 'NGUYEN', 'KOWALSKI', 'OCONNOR', 'SILVA', 'TANAKA', 'SHARMA', 'DE<LA<CRUZ'];
const GIVEN = ['ANNA<MARIA', 'JAMES', 'WEI', 'PRIYA', 'LUCAS', 'SOPHIE', 'HANS<PETER', 'AISHA', 'MATEO', 'YUKI'];
const STATES = ['USA', 'GBR', 'D<<', 'FRA', 'IND', 'CAN', 'AUS', 'JPN', 'ESP', 'ITA', 'NLD', 'CHN'];
const yymmdd = (from: number, span: number) => {
  const y = from + Math.floor(rand() * span);
  return `${String(y % 100).padStart(2, '0')}${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
};
/** A TD3 zone: line 1 P<state SURNAME<<GIVEN, line 2 number, nationality, birth, sex, expiry, personal number, checks. */
function mrz(): [string, string] {
  const state = pick(STATES);
  const line1 = `P<${state}${pick(SURNAMES)}<<${pick(GIVEN)}`.padEnd(44, '<').slice(0, 44);
  const number = (rand() < 0.5 ? of(LETTERS, 1) + of(DIGITS, 8) : of(DIGITS, 9)).slice(0, rand() < 0.2 ? 8 : 9).padEnd(9, '<');
  const birth = yymmdd(1950, 50);
  const expiry = yymmdd(2026, 10);
  const personal = rand() < 0.5 ? '<'.repeat(14) : of(DIGITS, 9).padEnd(14, '<');
  const personalCheck = /^<+$/.test(personal) ? '<' : check(personal);
  const body = `${number}${check(number)}${state}${birth}${check(birth)}${pick(['M', 'F', '<'])}${expiry}${check(expiry)}${personal}${personalCheck}`;
  const composite = check(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, body + composite];
}

// ---- encodings: how a recording carries the value ----
const snapshot = (body: () => unknown[]) => pageSnapshot('https://staging.example.com/travellers/42', body);
type Carried = Omit<LeakCase, 'id' | 'detector' | 'value' | 'source'>;
/** A labelled number: in text, escaped, in a query, typed, under a JSON key of a request body, in a data attribute. */
function labelled(label: string, value: string): Carried[] {
  const inText = `${label}${value}`;
  let field = 0;
  const typed = snapshot(() => {
    const textarea = el('textarea', { name: 'notes' }, []);
    field = textarea.id;
    return [el('form', {}, [textarea])];
  });
  typed.push({ type: 3, data: { source: 5, id: field, text: inText, isChecked: false }, timestamp: 1767225601000 });
  const body = snapshot(() => [el('p', {}, [text('Traveller details saved')])]);
  body.push({ type: 5, data: { tag: 'maskproof/network', payload: { request: { url: 'https://api.staging.example.com/v2/bookings/8841/travellers', method: 'PUT', body: { traveller: { givenName: '••••', passportNumber: value, nationality: 'FRA' } } }, response: { status: 204 } } }, timestamp: 1767225601500 });
  const attribute = snapshot(() => [el('div', { class: 'traveller-card', 'data-passport-number': value }, [text('Traveller 1')])]);
  return [
    { encoding: 'plain', text: inText },
    { encoding: 'json-escaped', text: JSON.stringify({ value: inText }).replace(/ /g, '\\u0020') },
    { encoding: 'html-entities', text: inText.replace(/ /g, '&nbsp;').replace(/:/g, '&#58;').replace(/°/g, '&deg;') },
    { encoding: 'url', text: `https://staging.example.com/travellers/search?q=${encodeURIComponent(inText)}&page=1` },
    { encoding: 'input', events: typed },
    { encoding: 'json-key', events: body },
    { encoding: 'attribute', events: attribute },
  ];
}
/** A machine-readable zone: both lines in one text, the second alone, each line in its own element, escaped. */
function zone([line1, line2]: [string, string]): Carried[] {
  const both = `${line1}\n${line2}`;
  return [
    { encoding: 'plain', text: both },
    { encoding: 'line-2', text: line2 },
    { encoding: 'two-elements', events: snapshot(() => [el('div', { class: 'mrz' }, [el('div', {}, [text(line1)]), el('div', {}, [text(line2)])])]) },
    { encoding: 'json-escaped', text: JSON.stringify({ ocr: { mrz: both } }) },
    { encoding: 'html-entities', text: both.replace(/</g, '&lt;') },
    { encoding: 'url', text: `https://staging.example.com/kyc/verify?mrz=${encodeURIComponent(both)}` },
  ];
}

const cases: LeakCase[] = [];
FORMATS.forEach((format, i) => {
  for (let k = 0; k < 2; k++) {
    const value = format.make();
    const label = LABELS[format.country]![k % LABELS[format.country]!.length]!;
    const n = `${String(i + 1).padStart(2, '0')}${'ab'[k]}`;
    for (const c of labelled(label, value)) cases.push({ id: `passport-${n}-${c.encoding}`, detector: 'passport', value, source: `${format.source}; label "${label.trim()}"`, ...c });
  }
});
for (let i = 0; i < 8; i++) {
  const lines = mrz();
  for (const c of zone(lines)) cases.push({ id: `passport-mrz-${i + 1}-${c.encoding}`, detector: 'passport', value: lines[1], source: 'ICAO 9303 TD3 machine-readable zone, check digits 7-3-1', ...c });
}
mkdirSync(OUT, { recursive: true });
writeFileSync(new URL('passport.json', OUT), `${JSON.stringify(cases, null, 1)}\n`);
console.log(`wrote ${cases.length} passport cases to fixtures/corpus/leak/passport.json`);
