/**
 * Throughput sanity check for the detection engine alone (no file reading):
 *   node --import tsx bench/detect-throughput.ts [--mb 20] [--canaries 1000]
 * Generates rrweb events in memory with canaries planted in several encodings, then prints MB/s for
 * JSON.parse of the events' bytes, for the scanner on the parsed events, and for a naive scan
 * (JSON.stringify + includes per canary per variant) on a sample. Found values are never printed.
 */
import { parseArgs } from 'node:util';
import { Faker, base, en } from '@faker-js/faker';
import { createScanner } from '../src/detect/index.ts';
import type { Canary } from '../src/detect/types.ts';
import { benchCanaries } from './bench-canaries.ts';

const { values: args } = parseArgs({ options: { mb: { type: 'string', default: '20' }, canaries: { type: 'string', default: '1000' }, rounds: { type: 'string', default: '3' } } });
const MB = 1024 * 1024;
const faker = new Faker({ locale: [en, base], seed: 42 });

const canaries: Canary[] = benchCanaries(faker, Number(args.canaries), (i) => `canary #${i}`);

let nextId = 1;
const text = (textContent: string) => ({ type: 3, id: nextId++, textContent });
const el = (tagName: string, attributes: Record<string, string>, childNodes: unknown[] = []) => ({ type: 2, id: nextId++, tagName, attributes, childNodes });
const CSS = Array.from({ length: 80 }, (_, i) => `.c${i} { margin: ${i}px ${i * 2}px; color: #${(i * 4099).toString(16).padStart(6, '0').slice(0, 6)}; }`).join('\n');

function snapshot(timestamp: number) {
  const field = (name: string) => el('div', { class: 'field' }, [el('label', { for: name }, [text(faker.lorem.words(2))]), el('input', { id: name, name, type: 'text', value: '*'.repeat(12) })]);
  const rows = Array.from({ length: 150 }, () => el('tr', { class: 'row', 'data-sku': faker.string.alphanumeric(10) }, [el('td', {}, [text(faker.commerce.productName())]), el('td', { class: 'num' }, [text(faker.commerce.price({ symbol: '$' }))]), el('td', {}, [text(faker.lorem.sentence())])]));
  const node = { type: 0, id: nextId++, childNodes: [el('html', { lang: 'en' }, [el('head', {}, [el('style', {}, [{ type: 3, id: nextId++, textContent: CSS, isStyle: true }])]), el('body', {}, [el('form', { id: 'checkout' }, ['name', 'email', 'phone', 'card', 'cvv'].map(field)), el('table', {}, [el('tbody', {}, rows)])])])] };
  return { type: 2, timestamp, data: { node, initialOffset: { left: 0, top: 0 } } };
}

const network = (url: string, body: string) => ({ tag: 'maskproof/network', payload: { method: 'POST', url, status: 200, request: { headers: { 'content-type': 'application/json' }, body }, response: { body: JSON.stringify({ ok: true, items: Array.from({ length: 4 }, () => ({ sku: faker.string.alphanumeric(8), name: faker.commerce.productName(), qty: faker.number.int(9) })) }) } } });

function ordinary(timestamp: number): unknown {
  const roll = faker.number.int(99);
  const id = faker.number.int({ min: 1, max: 1500 });
  if (roll < 35) return { type: 3, timestamp, data: { source: 1, positions: Array.from({ length: 8 }, () => ({ x: faker.number.int(1280), y: faker.number.int(800), id, timeOffset: -faker.number.int(500) })) } };
  if (roll < 45) return { type: 3, timestamp, data: { source: 2, type: faker.number.int(6), id, x: faker.number.int(1280), y: faker.number.int(800) } };
  if (roll < 65) return { type: 3, timestamp, data: { source: 5, id, text: '*'.repeat(faker.number.int({ min: 1, max: 20 })), isChecked: false } };
  if (roll < 88) return { type: 3, timestamp, data: { source: 0, texts: [{ id, value: faker.commerce.price({ symbol: '$' }) }], attributes: [{ id: id + 1, attributes: { class: `row ${faker.lorem.word()}` } }], removes: [{ parentId: id, id: id + 2 }], adds: [{ parentId: id, nextId: null, node: el('li', { class: 'toast' }, [text(faker.lorem.sentence())]) }] } };
  return { type: 5, timestamp, data: network(`/api/cart?page=${faker.number.int(9)}&t=${timestamp}`, JSON.stringify({ items: [{ sku: faker.string.alphanumeric(8), qty: 2 }], coupon: null })) };
}

const PLANTINGS: ((v: string, t: number) => unknown)[] = [
  (v, t) => ({ type: 3, timestamp: t, data: { source: 5, id: 42, text: v, isChecked: false } }),
  (v, t) => ({ type: 3, timestamp: t, data: { source: 0, texts: [{ id: 77, value: `Hello ${v.toUpperCase()}` }], attributes: [], removes: [], adds: [] } }),
  (v, t) => ({ type: 5, timestamp: t, data: network(`/api/search?q=${encodeURIComponent(v)}`, '{}') }),
  (v, t) => ({ type: 5, timestamp: t, data: network('/api/track', Buffer.from(JSON.stringify({ user: v, t })).toString('base64')) }),
  (v, t) => ({ type: 5, timestamp: t, data: network('/api/save', JSON.stringify({ name: v.replace(/[@ ]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) })) }),
  (v, t) => {
    const cut = Math.ceil(v.length / 2);
    return { type: 3, timestamp: t, data: { source: 0, texts: [], attributes: [], removes: [], adds: [{ parentId: 12, nextId: null, node: el('p', {}, [el('b', {}, [text(v.slice(0, cut))]), text(v.slice(cut))]) }] } };
  },
];

const lines: string[] = [];
let bytes = 0;
let planted = 0;
for (let i = 0; bytes < Number(args.mb) * MB; i++) {
  let event: unknown;
  if (i % 4000 === 0) event = snapshot(i);
  else if (i % 1000 === 500) event = PLANTINGS[planted % PLANTINGS.length]!(canaries[(planted++ * 7) % canaries.length]!.value, i);
  else event = ordinary(i);
  const line = JSON.stringify(event);
  lines.push(line);
  bytes += Buffer.byteLength(line);
}
console.log(`${lines.length} events, ${(bytes / MB).toFixed(1)} MB, ${canaries.length} canaries, ${planted} planted`);

function time<T>(run: () => T): [T, number] {
  const start = process.hrtime.bigint();
  const value = run();
  return [value, Number(process.hrtime.bigint() - start) / 1e9];
}

const rounds = Number(args.rounds);
let parseBest = Infinity;
let events: unknown[] = [];
for (let r = 0; r < rounds; r++) {
  const [parsed, seconds] = time(() => lines.map((line) => JSON.parse(line) as unknown));
  events = parsed;
  parseBest = Math.min(parseBest, seconds);
}
const [, buildSeconds] = time(() => createScanner({ canaries }));
let scanBest = Infinity;
let found = 0;
let byDetector: Record<string, number> = {};
for (let r = 0; r < rounds; r++) {
  const scanner = createScanner({ canaries });
  const [findings, seconds] = time(() => {
    const all = events.flatMap((event, index) => scanner.scanEvent(event, index));
    return [...all, ...scanner.finish()];
  });
  scanBest = Math.min(scanBest, seconds);
  found = new Set(findings.filter((f) => f.detector === 'canary').map((f) => f.eventIndex)).size;
  byDetector = {};
  for (const f of findings) byDetector[f.detector] = (byDetector[f.detector] ?? 0) + 1;
}

// Naive: stringify each event, includes() per canary per variant; on a sample, extrapolated.
const variants = canaries.flatMap((c) => [c.value, c.value.toLowerCase(), c.value.replace(/[\s().-]/g, ''), encodeURIComponent(c.value), Buffer.from(c.value).toString('base64')]);
const sample = events.slice(0, 1500);
const sampleBytes = lines.slice(0, 1500).reduce((sum, line) => sum + Buffer.byteLength(line), 0);
const [, naiveSeconds] = time(() => {
  let hits = 0;
  for (const event of sample) {
    const json = JSON.stringify(event);
    for (const variant of variants) if (json.includes(variant)) hits++;
  }
  return hits;
});

const rate = (b: number, s: number) => b / MB / s;
const parseRate = rate(bytes, parseBest);
const scanRate = rate(bytes, scanBest);
const naiveRate = rate(sampleBytes, naiveSeconds);
console.log(`JSON.parse:            ${parseRate.toFixed(0)} MB/s`);
console.log(`scanner (all detectors): ${scanRate.toFixed(0)} MB/s  (building the automaton: ${(buildSeconds * 1000).toFixed(0)} ms, once)`);
console.log(`naive includes():      ${naiveRate.toFixed(2)} MB/s (${variants.length} variants, sample of ${sample.length} events)`);
console.log(`scanner / JSON.parse:  ${(scanRate / parseRate).toFixed(2)}×  (target ≥ 0.8×)`);
console.log(`scanner / naive:       ${(scanRate / naiveRate).toFixed(0)}×  (target ≥ 20×)`);
console.log(`planted events found:  ${found}/${planted}; findings by detector: ${JSON.stringify(byDetector)}`);
