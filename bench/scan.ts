/**
 * Benchmark: maskproof's scan against plain JSON.parse and a naive scan, side by side in one run.
 *   node --import tsx bench/scan.ts [--mb 100] [--canaries 1000]
 * Prints MB/s for each, their ratios, findings, and peak RSS against the largest event and the file.
 */
import { createWriteStream, mkdtempSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Faker, en } from '@faker-js/faker';
import { createScanner } from '../src/detect/index.ts';
import type { Canary } from '../src/detect/types.ts';
import { readRecording } from '../src/recording/read-recording.ts';

const { values } = parseArgs({ options: { mb: { type: 'string', default: '100' }, canaries: { type: 'string', default: '1000' } } });
const targetBytes = Number(values.mb) * 1024 * 1024;
const canaryCount = Number(values.canaries);
const faker = new Faker({ locale: [en], seed: 20261123 });

const canaries: Canary[] = Array.from({ length: canaryCount }, (_, i) => {
  switch (i % 4) {
    case 0: return { kind: 'fullName', value: faker.person.fullName() };
    case 1: return { kind: 'email', value: faker.internet.email().toLowerCase() };
    case 2: return { kind: 'phone', value: faker.phone.number({ style: 'national' }) };
    default: return { kind: 'card', value: faker.finance.creditCardNumber('4###-####-####-###L').replaceAll('-', ' ') };
  }
});

let nextId = 1;
const textNode = (text: string) => ({ type: 3, id: nextId++, textContent: text });
const element = (tagName: string, attributes: Record<string, string>, childNodes: unknown[]) => ({ type: 2, id: nextId++, tagName, attributes, childNodes });

function fullSnapshot(timestamp: number) {
  const rows = Array.from({ length: 300 }, () =>
    element('tr', { class: 'row' }, [element('td', {}, [textNode(faker.lorem.words(3))]), element('td', { 'data-sku': faker.string.alphanumeric(10) }, [textNode(faker.commerce.productName())])]),
  );
  const form = Array.from({ length: 20 }, (_, i) => element('input', { id: `field-${i}`, type: 'text', value: '*'.repeat(12) }, []));
  return { type: 2, timestamp, data: { initialOffset: { left: 0, top: 0 }, node: { type: 0, id: nextId++, childNodes: [element('html', {}, [element('body', {}, [element('table', {}, rows), element('form', {}, form)])])] } } };
}

function incremental(timestamp: number, planted: string | undefined) {
  // Planted values go where an app writes them: inputs, text mutations, request bodies.
  const roll = planted ? faker.number.int({ min: 40, max: 99 }) : faker.number.int(99);
  if (roll < 40) return { type: 3, timestamp, data: { source: 1, positions: Array.from({ length: 10 }, () => ({ x: faker.number.int(1280), y: faker.number.int(800), id: faker.number.int(900), timeOffset: -faker.number.int(500) })) } };
  if (roll < 65) return { type: 3, timestamp, data: { source: 5, id: faker.number.int(900), text: planted ?? '*'.repeat(faker.number.int({ min: 3, max: 20 })), isChecked: false } };
  if (roll < 85) return { type: 3, timestamp, data: { source: 0, texts: [{ id: faker.number.int(900), value: planted ?? faker.lorem.sentence() }], attributes: [], removes: [], adds: [{ parentId: faker.number.int(900), nextId: null, node: textNode(faker.lorem.sentence()) }] } };
  const body = JSON.stringify({ items: Array.from({ length: 5 }, () => ({ sku: faker.string.alphanumeric(8), name: faker.commerce.productName(), qty: faker.number.int(9) })), note: planted });
  return { type: 5, timestamp, data: { tag: 'maskproof/network', payload: { method: 'POST', url: `/api/cart?page=${faker.number.int(9)}`, status: 200, request: { headers: { 'content-type': 'application/json' }, body }, response: { headers: {} } } } };
}

/** Planted values in the encodings the engine knows, every ~2,000 events. */
function plant(i: number): string | undefined {
  if (i % 2000 !== 0) return undefined;
  const canary = canaries[(i / 2000) % canaries.length]!;
  const encodings = [
    (v: string) => v,
    (v: string) => v.toUpperCase(),
    (v: string) => encodeURIComponent(v),
    (v: string) => Buffer.from(`{"v":"${v}"}`).toString('base64'),
  ];
  return encodings[(i / 2000) % encodings.length]!(canary.value);
}

async function generate(): Promise<{ file: string; largestEvent: number; planted: number }> {
  const file = join(mkdtempSync(join(tmpdir(), 'maskproof-bench-')), 'recording.json');
  const out = createWriteStream(file);
  let bytes = 0;
  let largestEvent = 0;
  let planted = 0;
  const write = async (text: string) => {
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('[');
  for (let i = 0; bytes < targetBytes; i++) {
    const value = plant(i);
    if (value) planted++;
    const event = JSON.stringify(i % 5000 === 1 ? fullSnapshot(i) : incremental(i, value));
    largestEvent = Math.max(largestEvent, event.length);
    await write(i === 0 ? event : `,\n${event}`);
  }
  await write(']');
  out.end();
  await once(out, 'finish');
  return { file, largestEvent, planted };
}

async function timed<T>(run: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const start = process.hrtime.bigint();
  const value = await run();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

const mb = (bytes: number) => bytes / 1024 / 1024;
const { file, largestEvent, planted } = await generate();
const size = statSync(file).size;
console.log(`recording: ${mb(size).toFixed(1)} MB, largest event ${(largestEvent / 1024).toFixed(0)} KB, ${canaryCount} canaries, ${planted} planted values`);

const parse = await timed(async () => {
  let count = 0;
  for await (const { event } of readRecording(file)) if (event) count++;
  return count;
});
const scan = await timed(async () => {
  const scanner = createScanner({ canaries, patterns: true });
  let findings = 0;
  for await (const { event, index } of readRecording(file)) findings += scanner.scanEvent(event, index).length;
  return findings + scanner.finish().length;
});

// The naive scan: JSON.stringify each event, then includes() per canary per variant. Run on a sample.
const variants = canaries.flatMap((c) => [c.value, c.value.toLowerCase(), c.value.replace(/[\s\-.()]/g, ''), encodeURIComponent(c.value), Buffer.from(c.value).toString('base64')]);
const sampleEvents = 2000;
const naive = await timed(async () => {
  let found = 0;
  let sampleBytes = 0;
  let seen = 0;
  for await (const { event, bytes } of readRecording(file)) {
    const text = JSON.stringify(event);
    sampleBytes += bytes;
    for (const variant of variants) if (text.includes(variant) || text.toLowerCase().includes(variant)) found++;
    if (++seen >= sampleEvents) break;
  }
  return { found, sampleBytes };
});

const parseRate = mb(size) / parse.seconds;
const scanRate = mb(size) / scan.seconds;
const naiveRate = mb(naive.value.sampleBytes) / naive.seconds;
const rss = process.resourceUsage().maxRSS / 1024;
console.log(`stream + JSON.parse only:      ${parseRate.toFixed(1)} MB/s (${parse.value} events in ${parse.seconds.toFixed(1)} s)`);
console.log(`maskproof scan (all detectors): ${scanRate.toFixed(1)} MB/s (${scan.value} findings in ${scan.seconds.toFixed(1)} s)`);
console.log(`naive scan (sample of ${sampleEvents} events): ${naiveRate.toFixed(2)} MB/s, extrapolated ${(mb(size) / naiveRate / 60).toFixed(1)} min for the file`);
console.log(`ratio scan / JSON.parse: ${(scanRate / parseRate).toFixed(2)}× (target ≥ 0.8×)`);
console.log(`ratio scan / naive:      ${(scanRate / naiveRate).toFixed(1)}× faster (target ≥ 20×)`);
console.log(`peak RSS: ${rss.toFixed(0)} MB for a ${mb(size).toFixed(0)} MB file (largest event ${(largestEvent / 1024).toFixed(0)} KB)`);
