/**
 * The recording `bench/scan.ts` and `bench/scan-cpu.ts` scan: a seeded, realistic rrweb session (form
 * pages in full snapshots, mutations, inputs, mouse moves, maskproof/network custom events with JSON
 * bodies) with canaries planted in different encodings. The same seed gives the same bytes.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Faker, base, en } from '@faker-js/faker';
import type { Canary } from '../src/detect/types.ts';
import { benchCanaries } from './bench-canaries.ts';

const faker = new Faker({ locale: [en, base], seed: 20261123 });
/** Set by benchRecording: the canaries drawn first from the seeded faker, as the recording draws after them. */
let canaries: Canary[] = [];
/** Values planted, spread evenly over the file. */
export const PLANTS = 48;

let nextId = 1;
const text = (textContent: string) => ({ type: 3, id: nextId++, textContent });
const el = (tagName: string, attributes: Record<string, string | number | boolean>, childNodes: unknown[] = []) => ({ type: 2, id: nextId++, tagName, attributes, childNodes });
const CSS = Array.from({ length: 60 }, (_, i) => `.c${i} { margin: ${i}px; color: #${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}; }`).join('\n');

/** A checkout page: a stylesheet, a nav, a form with masked fields, a country select and a product table. */
function formPage(): unknown {
  const field = (name: string, type = 'text') =>
    el('div', { class: 'field' }, [el('label', { for: name }, [text(faker.lorem.words(2))]), el('input', { id: name, name, type, value: '*'.repeat(faker.number.int({ min: 4, max: 16 })), autocomplete: 'off' })]);
  const options = Array.from({ length: 60 }, () => el('option', { value: faker.location.countryCode() }, [text(faker.location.country())]));
  const rows = Array.from({ length: 120 }, () =>
    el('tr', { class: 'row', 'data-sku': faker.string.alphanumeric(10) }, [
      el('td', {}, [text(faker.commerce.productName())]),
      el('td', { class: 'num' }, [text(faker.commerce.price())]),
      el('td', {}, [text(faker.lorem.sentence())]),
    ]),
  );
  return {
    type: 0,
    id: nextId++,
    childNodes: [
      { type: 1, id: nextId++, name: 'html', publicId: '', systemId: '' },
      el('html', { lang: 'en' }, [
        el('head', {}, [el('title', {}, [text('Checkout')]), el('style', {}, [{ type: 3, id: nextId++, textContent: CSS, isStyle: true }])]),
        el('body', { class: 'page' }, [
          el('nav', {}, Array.from({ length: 8 }, () => el('a', { href: `/${faker.lorem.slug()}` }, [text(faker.lorem.word())]))),
          el('form', { id: 'checkout', method: 'post' }, [
            ...['name', 'email', 'phone', 'street', 'city', 'zip', 'card', 'expiry', 'cvv'].map((n) => field(n, n === 'email' ? 'email' : 'text')),
            el('select', { name: 'country' }, options),
            el('button', { type: 'submit' }, [text('Pay')]),
          ]),
          el('table', { class: 'cart' }, [el('tbody', {}, rows)]),
          el('footer', {}, [text(faker.company.catchPhrase())]),
        ]),
      ]),
    ],
  };
}

const network = (url: string, body: string) => ({
  tag: 'maskproof/network',
  payload: {
    method: 'POST',
    url,
    status: 200,
    request: { headers: { 'content-type': 'application/json' }, body },
    response: { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: true, cart: Array.from({ length: 4 }, () => ({ sku: faker.string.alphanumeric(8), name: faker.commerce.productName(), qty: faker.number.int(9) })) }) },
  },
});

/** One ordinary event, by the mix a real session has: mostly mouse moves, inputs and mutations. */
function ordinaryEvent(timestamp: number): unknown {
  const roll = faker.number.int(99);
  const id = faker.number.int({ min: 1, max: 1200 });
  if (roll < 35) return { type: 3, timestamp, data: { source: 1, positions: Array.from({ length: 8 }, () => ({ x: faker.number.int(1280), y: faker.number.int(800), id, timeOffset: -faker.number.int(500) })) } };
  if (roll < 45) return { type: 3, timestamp, data: { source: 2, type: faker.number.int(6), id, x: faker.number.int(1280), y: faker.number.int(800), pointerType: 0 } };
  if (roll < 50) return { type: 3, timestamp, data: { source: 3, id, x: 0, y: faker.number.int(3000) } };
  if (roll < 68) return { type: 3, timestamp, data: { source: 5, id, text: '*'.repeat(faker.number.int({ min: 1, max: 20 })), isChecked: false } };
  if (roll < 88) {
    return {
      type: 3,
      timestamp,
      data: {
        source: 0,
        texts: [{ id, value: faker.commerce.price({ symbol: '$' }) }],
        attributes: [{ id: id + 1, attributes: { class: `row ${faker.lorem.word()}`, 'aria-busy': 'false' } }],
        removes: [{ parentId: id, id: id + 2 }],
        adds: [{ parentId: id, nextId: null, node: el('li', { class: 'toast' }, [text(faker.lorem.sentence())]) }],
      },
    };
  }
  return { type: 5, timestamp, data: network(`/api/cart?page=${faker.number.int(9)}`, JSON.stringify({ items: Array.from({ length: 5 }, () => ({ sku: faker.string.alphanumeric(8), qty: faker.number.int(9) })), coupon: null })) };
}

/** Ways an app leaks a value into a recording, each with the encoding the scanner must see through. */
export const PLANTINGS: { name: string; event: (v: string, timestamp: number) => unknown }[] = [
  { name: 'input, plain', event: (v, timestamp) => ({ type: 3, timestamp, data: { source: 5, id: 42, text: v, isChecked: false } }) },
  { name: 'text mutation, upper case', event: (v, timestamp) => ({ type: 3, timestamp, data: { source: 0, texts: [{ id: 77, value: `Hello ${v.toUpperCase()}` }], attributes: [], removes: [], adds: [] } }) },
  { name: 'request body, digits only', event: (v, timestamp) => ({ type: 5, timestamp, data: network('/api/profile', JSON.stringify({ contact: /\d{6}/.test(v.replace(/\D/g, '')) ? v.replace(/\D/g, '') : v })) }) },
  { name: 'URL query, url-encoded', event: (v, timestamp) => ({ type: 5, timestamp, data: network(`/api/search?q=${encodeURIComponent(v)}&page=1`, '{}') }) },
  { name: 'request body, base64 of JSON', event: (v, timestamp) => ({ type: 5, timestamp, data: network('/api/track', Buffer.from(JSON.stringify({ user: v, t: timestamp })).toString('base64')) }) },
  { name: 'attribute, HTML entities', event: (v, timestamp) => ({ type: 3, timestamp, data: { source: 0, texts: [], removes: [], adds: [], attributes: [{ id: 88, attributes: { title: v.replace(/[@. ]/g, (c) => `&#${c.charCodeAt(0)};`) } }] } }) },
  { name: 'body with \\u escapes', event: (v, timestamp) => ({ type: 5, timestamp, data: network('/api/save', `{"name":"${v.replace(/[@ ]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"}`) }) },
  {
    name: 'split across two text nodes',
    event: (v, timestamp) => {
      const cut = Math.ceil(v.length / 2);
      return { type: 3, timestamp, data: { source: 0, texts: [], attributes: [], removes: [], adds: [{ parentId: 12, nextId: null, node: el('p', {}, [el('b', {}, [text(v.slice(0, cut))]), text(v.slice(cut))]) }] } };
    },
  },
];

export interface Planted {
  eventIndex: number;
  canary: Canary;
  planting: string;
  json: string;
}

async function generate(file: string, targetBytes: number): Promise<{ largestEvent: number; events: number; planted: Planted[] }> {
  const out = createWriteStream(file);
  let bytes = 0;
  let largestEvent = 0;
  const planted: Planted[] = [];
  const write = async (chunk: string) => {
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  };
  await write('[');
  let i = 0;
  for (; bytes < targetBytes; i++) {
    const timestamp = 1_795_000_000_000 + i * 40;
    let event: unknown;
    if (i % 4000 === 0) event = { type: 4, timestamp, data: { href: `https://shop.example/${faker.lorem.slug()}`, width: 1280, height: 800 } };
    else if (i % 4000 === 1) event = { type: 2, timestamp, data: { node: formPage(), initialOffset: { top: 0, left: 0 } } };
    else if (planted.length < PLANTS && bytes >= ((planted.length + 0.5) * targetBytes) / PLANTS) {
      // Spread over kinds and plantings: canary 0, 21, 42, ... and each planting in turn.
      const canary = canaries[(planted.length * 21) % canaries.length]!;
      const planting = PLANTINGS[planted.length % PLANTINGS.length]!;
      event = planting.event(canary.value, timestamp);
      planted.push({ eventIndex: i, canary, planting: planting.name, json: JSON.stringify(event) });
    } else event = ordinaryEvent(timestamp);
    const json = JSON.stringify(event);
    largestEvent = Math.max(largestEvent, Buffer.byteLength(json));
    await write(i === 0 ? json : `,\n${json}`);
  }
  await write(']\n');
  out.end();
  await once(out, 'finish');
  return { largestEvent, events: i, planted };
}

/** The bench's canaries and a writer of its recording (call `generate` once: it draws from the same faker). */
export function benchRecording(canaryCount: number): { canaries: Canary[]; generate: typeof generate } {
  canaries = benchCanaries(faker, canaryCount, (i, kind) => `bench canary #${i} (${kind})`);
  return { canaries, generate };
}
