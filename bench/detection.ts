/**
 * Detection quality on labelled corpora: recall per detector on fixtures/corpus/leak/*.json (every
 * file: each detector's cases), false alarms on the recordings of fixtures/corpus/clean/. Every case
 * and recording goes through scanRecording, the function `maskproof scan` runs (one thread, patterns
 * on, no canaries). Prints a table; exits 0 (figures, not a gate).  npm run bench:detect
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../src/detect/types.ts';
import { scanRecording } from '../src/scan/scan-recording.ts';
import { type LeakCase, caseEvents, loadLeakCases } from './corpus/leak-cases.ts';

const ROOT = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'maskproof-bench-detect-'));

async function scan(file: string): Promise<Finding[]> {
  return (await scanRecording(file, { canaries: [], patterns: true, threads: false })).findings;
}

interface Row {
  cases: number;
  found: number;
  missed: string[];
  falseAlarms: number;
  examples: string[];
}
const rows = new Map<string, Row>();
const row = (d: string) => rows.get(d) ?? rows.set(d, { cases: 0, found: 0, missed: [], falseAlarms: 0, examples: [] }).get(d)!;

const byEncoding = new Map<string, [number, number]>();
const cases: LeakCase[] = loadLeakCases(join(ROOT, 'leak'));
for (const c of cases) {
  const file = join(work, `${c.id}.json`);
  writeFileSync(file, JSON.stringify(caseEvents(c)));
  const findings = await scan(file);
  const r = row(c.detector);
  r.cases++;
  const e = byEncoding.get(c.encoding) ?? byEncoding.set(c.encoding, [0, 0]).get(c.encoding)!;
  e[0]++;
  if (findings.some((f) => f.detector === c.detector)) {
    r.found++;
    e[1]++;
  } else r.missed.push(`${c.id} (${c.encoding})`);
}

const cleanDir = join(ROOT, 'clean');
const cleanFiles = readdirSync(cleanDir).filter((f) => f.endsWith('.json')).sort();
for (const name of cleanFiles) {
  for (const f of await scan(join(cleanDir, name))) {
    const r = row(f.detector);
    r.falseAlarms++;
    if (r.examples.length < 3) r.examples.push(`${f.redacted} (${f.kind}) in ${name} event ${f.eventIndex} ${f.path}`);
  }
}
rmSync(work, { recursive: true, force: true });

const pad = (s: string | number, n: number) => String(s).padEnd(n);
console.log(`leak corpus: ${cases.length} cases; clean corpus: ${cleanFiles.length} recordings\n`);
console.log(`${pad('detector', 16)}${pad('cases', 7)}${pad('found', 7)}${pad('recall', 9)}false alarms`);
let all = 0;
let hit = 0;
let alarms = 0;
for (const [detector, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  all += r.cases;
  hit += r.found;
  alarms += r.falseAlarms;
  const recall = r.cases ? `${((100 * r.found) / r.cases).toFixed(1)}%` : '-';
  console.log(`${pad(detector, 16)}${pad(r.cases, 7)}${pad(r.found, 7)}${pad(recall, 9)}${r.falseAlarms}`);
}
console.log(`${pad('all', 16)}${pad(all, 7)}${pad(hit, 7)}${pad(`${((100 * hit) / Math.max(all, 1)).toFixed(1)}%`, 9)}${alarms}`);
console.log(`\nby encoding: ${[...byEncoding].map(([enc, [n, f]]) => `${enc} ${f}/${n}`).join(', ')}`);
for (const [detector, r] of rows) {
  if (r.missed.length) console.log(`\n${detector} missed ${r.missed.length}: ${r.missed.slice(0, 40).join(', ')}${r.missed.length > 40 ? ', …' : ''}`);
  if (r.examples.length) console.log(`\n${detector} false alarms, first ${r.examples.length}:\n  ${r.examples.join('\n  ')}`);
}
