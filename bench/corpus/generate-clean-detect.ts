/**
 * Writes fixtures/corpus/clean/detect-*.json: recordings with no personal data that tempt the passport
 * detector and the person-name rule for values filling a field of their own. Passport pages without a
 * number (photo rules, validity, fees, a passport wallet's SKU, order and tracking numbers beside the
 * word, passport.js code and its versions, keys like passportExpiry), '<<' in code, breadcrumbs and
 * conflict markers, 44-character upper-case runs; JSON bodies and URL parameters whose values are two
 * capitalised words (cities, states and countries, fonts, breeds, airlines, companies, product lines).
 * Seeded.  node --import tsx bench/corpus/generate-clean-detect.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { el, startSnapshot, text } from './nodes.ts';
import { seededRandom } from './seeded.ts';

const OUT = new URL('../../fixtures/corpus/clean/', import.meta.url);
const COUNT = 24;
const { int, pick, digits } = seededRandom(0xc1ea9);
const upper = (n: number) => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[int(0, 31)]).join('');

const PASSPORT_TEXT = [
  () => 'Passport photo requirements: 35x45 mm, taken within the last 6 months',
  () => 'Passport validity: at least 6 months beyond your return date',
  () => `Passport Holder — SKU PH-${int(10000, 99999)}`,
  () => `Leather Passport Wallet · Order ${digits(9)} · shipped`,
  () => `Passport renewal order ${digits(9)} received`,
  () => `Passport cover ${pick(['Navy', 'Tan', 'Black'])} — ${digits(9)} in stock`,
  () => `Tracking ${digits(12)} for your passport case`,
  () => 'How long does passport renewal take? Usually 6-8 weeks.',
  () => `Passport fee: $${int(100, 165)}.00 (adult book)`,
  () => `Passport expiry: ${2027 + int(0, 9)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`,
  () => `npm install passport@0.7.0 passport-local@1.0.0`,
  () => "passport.use(new LocalStrategy({ usernameField: 'email' }, verify));",
  () => `Passport applications processed this week: ${int(100000, 999999)}`,
  () => 'Reisepass beantragen: Termin online vereinbaren',
  () => 'Demande de passeport : pièces justificatives',
  () => 'Pasaporte: cita previa obligatoria',
  () => 'Passport number: (see page 2 of your passport)',
];
const PASSPORT_KEYS = () => ({
  passportExpiry: `${2027 + int(0, 9)}-0${int(1, 9)}-1${int(0, 9)}`,
  passportCountry: pick(['FRA', 'DEU', 'USA', 'GBR']),
  passportRequired: true,
  passportVersion: `0.${int(4, 7)}.${int(0, 9)}`,
  passportStep: int(1, 4),
  passportStatus: pick(['verified', 'pending', 'rejected']),
  orderNumber: digits(9),
  sku: `PW-${upper(6)}`,
});
const ANGLES = [
  () => 'std::cout << "Total: " << total << std::endl;',
  () => '<< Back to results',
  () => '<<<<<<< HEAD\nconst limit = 50;\n=======\nconst limit = 100;\n>>>>>>> feature/paging',
  () => "cat <<EOF > config.yml\nport: 8080\nEOF",
  () => `const FLAG_${upper(4)} = 1 << ${int(1, 30)};`,
  () => '« <<  1  2  3  >> »',
  () => upper(44),
  () => `${upper(20)}<<${upper(22)}`,
  () => '<'.repeat(44),
  () => `ID${digits(9)}<<<<<<${upper(8)}<<<<<<<<<<<<<<<<<<<<<`.slice(0, 44),
];
/** Two capitalised words that are no person: places, fonts, breeds, airlines, companies, product lines. */
const PAIRS = ['San Diego', 'Santa Clara', 'Los Angeles', 'Hong Kong', 'Puerto Rico', 'Sierra Leone', 'New Jersey', 'Victoria Falls', 'Palm Springs', 'Monte Carlo', 'Rio Grande', 'Fira Sans', 'Open Sans', 'Roboto Mono', 'Noto Serif', 'Helvetica Neue', 'Devon Rex', 'Cornish Rex', 'Kenya Airways', 'Garuda Indonesia', 'Marvin Group', 'Schmidt Inc', 'Wool Beanie', 'Chelsea Boot', 'Rose Gold', 'Hunter Green', 'Trail Runner', 'Linen Shirt', 'Standing Desk', 'Golden State', 'Stone Harbor', 'Silver Lake', 'Cedar Park', 'Green Valley'];
const COMMA = ['Austin, Texas', 'Paris, France', 'London, Ontario', 'Portland, Oregon', 'Berlin, Germany', 'Sydney, Australia', 'Dublin, Ireland', 'Florence, Italy'];
const KEYS = ['name', 'title', 'city', 'location', 'region', 'fontFamily', 'breed', 'airline', 'vendor', 'collection', 'category', 'label', 'displayName', 'store'];


function recording(i: number): unknown[] {
  startSnapshot();
  const t0 = 1767225600000 + i * 60_000;
  const passport = Array.from({ length: 6 }, () => el('li', {}, [text(pick(PASSPORT_TEXT)())]));
  const angles = Array.from({ length: 4 }, () => el('pre', {}, [el('code', {}, [text(pick(ANGLES)())])]));
  const pairs = Array.from({ length: 6 }, () => el('tr', {}, [el('td', {}, [text(pick(PAIRS))]), el('td', {}, [text(pick(COMMA))]), el('td', { class: 'num' }, [text(`${int(1, 400)} items`)])]));
  const form = el('input', { type: 'text', name: 'city', 'data-passport-step': String(int(1, 4)), 'data-passport-status': 'pending' }, []);
  const root = { type: 0, id: 1, childNodes: [{ type: 1, name: 'html', publicId: '', systemId: '', id: 2 }, el('html', {}, [el('head', {}, []), el('body', {}, [el('ul', { class: 'travel-faq' }, passport), el('section', { class: 'snippets' }, angles), el('table', { class: 'stores' }, pairs), el('form', {}, [form])])])] };
  const body = (value: string) => JSON.stringify({ [pick(KEYS)]: value, id: digits(8), updatedAt: new Date(t0).toISOString() });
  const events: unknown[] = [
    { type: 4, data: { href: `https://shop.example.com/travel/${pick(['accessories', 'faq', 'stores', 'docs'])}?page=${int(1, 9)}`, width: 1280, height: 800 }, timestamp: t0 },
    { type: 2, data: { node: root, initialOffset: { top: 0, left: 0 } }, timestamp: t0 + 10 },
  ];
  for (let k = 0; k < 6; k++) {
    const value = pick([...PAIRS, ...COMMA]);
    const url = `https://shop.example.com/api/search?${pick(['q', 'city', 'near', 'font', 'brand', 'name'])}=${encodeURIComponent(value)}&radius=${int(5, 50)}`;
    events.push({ type: 5, data: { tag: 'maskproof/network', payload: { request: { url, method: 'POST', body: body(value) }, response: { status: 200, body: { results: int(0, 40), passport: PASSPORT_KEYS(), label: pick(PAIRS) } } } }, timestamp: t0 + 1000 + k * 250 });
  }
  // A field typed into: a city, key by key.
  const city = pick(PAIRS);
  for (let k = 1; k <= city.length; k++) events.push({ type: 3, data: { source: 5, id: form.id, text: city.slice(0, k), isChecked: false }, timestamp: t0 + 3000 + k * 120 });
  // A mutation adds a row to the stores table.
  events.push({ type: 3, data: { source: 0, texts: [], attributes: [], removes: [], adds: [{ parentId: pairs[0]!.id, nextId: null, node: el('td', {}, [text(pick(COMMA))]) }] }, timestamp: t0 + 6000 });
  return events;
}

mkdirSync(OUT, { recursive: true });
for (let i = 0; i < COUNT; i++) writeFileSync(new URL(`detect-${String(i).padStart(2, '0')}-travel.json`, OUT), `${JSON.stringify(recording(i))}\n`);
console.log(`wrote ${COUNT} recordings to fixtures/corpus/clean/detect-*.json`);
