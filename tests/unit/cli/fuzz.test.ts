import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { runScan } from '../../../src/cli/scan-command.ts';
import { parseMaskproofConfig } from '../../../src/config/maskproof-config.ts';
import { loadRecorderConfig } from '../../../src/config/recorder-config.ts';
import { MaskproofError, formatError } from '../../../src/errors.ts';
import { parseJourney } from '../../../src/journeys/load-journeys.ts';
import { sampleEvents } from '../scan/helpers.ts';

// A seeded generator of malformed recordings, recorder configs, maskproof configs and journeys. Every
// case must end as the CLI ends it: a typed error (exit 2), one `maskproof:` line and its hint, no stack
// trace, never a verdict. The commands run in-process (a process per case would take minutes); a few
// cases at the end go through the real CLI to show it behaves the same.
const SEED = 20261203;
const root = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'maskproof-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)]!;
  return { next, int, pick };
}
const rand = prng(SEED);

/** One harness outcome, as main() would print it. */
interface Outcome { code: number; stderr: string; typed: boolean; stdout: string }

function outcomeOf(error: unknown, stdout = ''): Outcome {
  return { code: error instanceof MaskproofError ? error.exitCode : 2, stderr: formatError(error), typed: error instanceof MaskproofError, stdout };
}

function expectOneLine(outcome: Outcome, what: string): void {
  const context = `${what}\n${outcome.stderr}`;
  expect(outcome.code, context).toBe(2);
  expect(outcome.typed, context).toBe(true);
  const lines = outcome.stderr.split('\n');
  expect(lines[0], context).toMatch(/^maskproof: \S/);
  expect(lines.filter((l) => l.startsWith('maskproof:')), context).toHaveLength(1);
  expect(lines.length, context).toBeLessThanOrEqual(2);
  expect(outcome.stderr, context).not.toMatch(/^\s+at |\n\s+at /);
  expect(outcome.stdout, context).toBe('');
}

async function scanOutcome(file: string): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: { write: (t: string) => out.push(t) }, stderr: { write: (t: string) => err.push(t), isTTY: false } };
  try {
    const code = await runScan([file, '--no-patterns', '--one-thread'], io);
    // runScan prints its own typed errors (message, then the hint after "→"); an untyped one has no hint.
    const stderr = err.join('').trimEnd();
    return { code, stderr, typed: /\n  → \S/.test(stderr), stdout: out.join('') };
  } catch (error) {
    return outcomeOf(error, out.join(''));
  }
}

// ---- malformed recordings -------------------------------------------------------------------------
const events = sampleEvents();
const arrayText = JSON.stringify(events);
/** Offsets in `text` outside JSON strings (where a structural byte changes the structure). */
function structuralOffsets(text: string): number[] {
  const out: number[] = [];
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else out.push(i);
  }
  return out;
}
const outside = structuralOffsets(arrayText);
const NOT_EVENTS = ['1', '"text"', 'null', 'true', '[]', '{}', '{"type":"3"}', '{"type":3}', '{"timestamp":1}', '{"type":99,"timestamp":1,"data":{}}', '{"type":3,"timestamp":"soon","data":{}}'];

type Mutation = { name: string; make: () => { name: string; bytes: Buffer } };
const recordingMutations: Mutation[] = [
  { name: 'truncated', make: () => ({ name: 'r.json', bytes: Buffer.from(arrayText.slice(0, rand.int(1, arrayText.length - 1))) }) },
  { name: 'extra closing bracket', make: () => { const at = rand.pick(outside); return { name: 'r.json', bytes: Buffer.from(`${arrayText.slice(0, at)}${rand.pick(['}', ']'])}${arrayText.slice(at)}`) }; } },
  { name: 'structural byte replaced by garbage', make: () => { const at = rand.pick(outside.filter((i) => '{}[],:'.includes(arrayText[i]!))); return { name: 'r.json', bytes: Buffer.from(`${arrayText.slice(0, at)}${rand.pick(['@', '#', 'x', ';', '='])}${arrayText.slice(at + 1)}`) }; } },
  { name: 'an event replaced by a non-event', make: () => { const copy = events.map((e) => JSON.stringify(e)); copy[rand.int(0, copy.length - 1)] = rand.pick(NOT_EVENTS); return { name: 'r.json', bytes: Buffer.from(`[${copy.join(',')}]`) }; } },
  { name: 'deeply nested event', make: () => { const d = rand.int(1001, 100_000); const copy = events.map((e) => JSON.stringify(e)); copy[rand.int(0, copy.length - 1)] = `{"type":3,"timestamp":1,"data":{"source":0,"x":${'['.repeat(d)}${']'.repeat(d)}}}`; return { name: rand.pick(['r.json', 'r.jsonl']), bytes: Buffer.from(`[${copy.join(',')}]`) }; } },
  { name: 'wrong top level', make: () => ({ name: 'r.json', bytes: Buffer.from(rand.pick(['42', '"events"', 'null', '{"events": 3}', '{"recording": []}', '{}', 'hello'])) }) },
  { name: 'empty file', make: () => ({ name: rand.pick(['r.json', 'r.json.gz']), bytes: Buffer.alloc(0) }) },
  { name: 'truncated gzip', make: () => { const gz = gzipSync(arrayText); return { name: 'r.json.gz', bytes: gz.subarray(0, rand.int(10, gz.length - 9)) }; } },
  { name: 'gzip header, garbage body', make: () => ({ name: 'r.json.gz', bytes: Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0]), Buffer.from(Array.from({ length: rand.int(4, 64) }, () => rand.int(0, 255)))]) }) },
  { name: 'jsonl with a broken line', make: () => { const lines = events.map((e) => JSON.stringify(e)); const i = rand.int(0, lines.length - 1); lines[i] = lines[i]!.slice(0, rand.int(1, lines[i]!.length - 1)); return { name: 'r.jsonl', bytes: Buffer.from(`${lines.join('\n')}\n`) }; } },
  { name: 'jsonl with a non-event line', make: () => { const lines = events.map((e) => JSON.stringify(e)); lines.splice(rand.int(0, lines.length), 0, rand.pick(NOT_EVENTS)); return { name: 'r.jsonl', bytes: Buffer.from(`${lines.join('\n')}\n`) }; } },
];

// ---- malformed recorder configs ---------------------------------------------------------------------
const safeConfig = JSON.parse(readFileSync(join(root, 'fixtures/recorders/safe.json'), 'utf8')) as Record<string, unknown>;
const badValues = [1, 'x', null, true, [], {}, [1], { regexp: '(' }, '(unclosed'];
const recorderConfigMutations: (() => string)[] = [
  () => JSON.stringify({ ...safeConfig, [`unknownKey${rand.int(0, 999)}`]: rand.pick(badValues) }),
  () => JSON.stringify({ ...safeConfig, recorder: rand.pick(['rrwb', 'sentry-replay', 1, null, 'RRWEB']) }),
  () => JSON.stringify({ ...safeConfig, rrweb: { ...(safeConfig.rrweb as object), [rand.pick(['maskAllInputs', 'maskInputOptions', 'maskTextSelector', 'blockClass'])]: rand.pick([1, [], { a: 1 }, null]) } }),
  () => JSON.stringify({ ...safeConfig, policy: { neverRecordOn: [rand.pick(['(', '[a-', '*x', '(?<n>'])] } }),
  () => JSON.stringify(safeConfig).slice(0, rand.int(1, JSON.stringify(safeConfig).length - 1)),
  () => rand.pick(['', '[]', 'null', '"rrweb"', '{,}', '\u0000']),
];

// ---- malformed maskproof configs and journeys -------------------------------------------------------
const goodMaskproof = { baseURL: 'http://127.0.0.1:3000', recorder: 'rrweb', routes: [{ path: '/', risk: 'low' }] };
const maskproofMutations: (() => unknown)[] = [
  () => ({ ...goodMaskproof, [`typo${rand.int(0, 99)}`]: rand.pick(badValues) }),
  () => ({ ...goodMaskproof, baseURL: rand.pick([1, null, [], {}]) }),
  () => ({ ...goodMaskproof, routes: [{ path: '/x', risk: rand.pick(['extreme', 1, null, 'HIGH']) }] }),
  () => ({ ...goodMaskproof, webServer: rand.pick([{ }, { command: 1 }, { command: 'x', timeout: 'long' }, 'npm start']) }),
  () => rand.pick([null, 1, 'config', [], {}]),
];
const journeyMutations: (() => string)[] = [
  () => `name: j\nsteps:\n  - ${rand.pick(['hover', 'scroll', 'dance', 'wait'])}: '#x'\n`,
  () => `name: j\nsteps:\n  - goto: ${rand.pick(['[', '{', '"unclosed'])}\n`,
  () => `name: j\nsteps: ${rand.pick(['3', 'null', '"goto /"', '{}'])}\n`,
  () => `steps:\n  - goto: /\n`,
  () => `name: j\nsteps:\n  - goto: /\n  - expect: { case: ${rand.pick(['pii', 'leak-free', 'route_risk', '1'])} }\n`,
  () => `name: j\nsteps:\n  - goto: /\n  - expect: { case: pii-form-submit }\n`,
  () => `name: j\n  bad indent: [\n`,
];

const CASES = { recordings: 760, recorderConfigs: 120, maskproofConfigs: 60, journeys: 60 };

describe(`fuzz (seed ${SEED}): malformed input is exit 2 with one line, every time`, () => {
  it(`${CASES.recordings} malformed recordings through \`maskproof scan\``, async () => {
    const tried = new Map<string, number>();
    for (let i = 0; i < CASES.recordings; i++) {
      const mutation = recordingMutations[i % recordingMutations.length]!;
      const { name, bytes } = mutation.make();
      const file = join(dir, `${i}-${name}`);
      writeFileSync(file, name.endsWith('.jsonl') && mutation.name === 'deeply nested event' ? Buffer.from(`${bytes.toString().slice(1, -1).split(/,(?=\{"type")/).join('\n')}\n`) : bytes);
      expectOneLine(await scanOutcome(file), `recording case ${i} (${mutation.name}, ${name})`);
      rmSync(file);
      tried.set(mutation.name, (tried.get(mutation.name) ?? 0) + 1);
    }
    expect([...tried.keys()]).toEqual(recordingMutations.map((m) => m.name));
  }, 120_000);

  it(`${CASES.recorderConfigs} malformed recorder configs`, () => {
    for (let i = 0; i < CASES.recorderConfigs; i++) {
      const file = join(dir, `recorder-${i}.json`);
      writeFileSync(file, recorderConfigMutations[i % recorderConfigMutations.length]!());
      let outcome: Outcome | undefined;
      try {
        loadRecorderConfig(file);
      } catch (error) {
        outcome = outcomeOf(error);
      }
      expect(outcome, `recorder config case ${i}: ${readFileSync(file, 'utf8').slice(0, 200)}`).toBeDefined();
      expectOneLine(outcome!, `recorder config case ${i}`);
    }
  });

  it(`${CASES.maskproofConfigs} malformed maskproof configs and ${CASES.journeys} malformed journeys`, () => {
    for (let i = 0; i < CASES.maskproofConfigs; i++) {
      const raw = maskproofMutations[i % maskproofMutations.length]!();
      let outcome: Outcome | undefined;
      try {
        parseMaskproofConfig(structuredClone(raw), join(dir, 'maskproof.config.json'));
      } catch (error) {
        outcome = outcomeOf(error);
      }
      expect(outcome, `maskproof config case ${i}: ${JSON.stringify(raw)}`).toBeDefined();
      expectOneLine(outcome!, `maskproof config case ${i}`);
    }
    for (let i = 0; i < CASES.journeys; i++) {
      const text = journeyMutations[i % journeyMutations.length]!();
      let outcome: Outcome | undefined;
      try {
        parseJourney(text, 'journeys/fuzz.yaml');
      } catch (error) {
        outcome = outcomeOf(error);
      }
      expect(outcome, `journey case ${i}: ${text}`).toBeDefined();
      expectOneLine(outcome!, `journey case ${i}`);
    }
    expect(CASES.recordings + CASES.recorderConfigs + CASES.maskproofConfigs + CASES.journeys).toBeGreaterThanOrEqual(1000);
  });

  it('the real CLI ends the same way (a handful of subprocess cases)', () => {
    const samples = [
      { name: 'trunc.json', bytes: Buffer.from(arrayText.slice(0, 40)) },
      { name: 'deep.json', bytes: Buffer.from(`[{"type":3,"timestamp":1,"data":{"x":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]`) },
      { name: 'bad.json.gz', bytes: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]) },
    ];
    for (const { name, bytes } of samples) {
      const file = join(dir, `cli-${name}`);
      writeFileSync(file, bytes);
      const run = spawnSync(process.execPath, [join(root, 'bin/maskproof.js'), 'scan', file, '--no-patterns'], { encoding: 'utf8', timeout: 60_000 });
      expectOneLine({ code: run.status ?? -1, stderr: run.stderr.trimEnd(), typed: true, stdout: run.stdout }, `CLI ${name}`);
    }
    expect(readdirSync(dir).filter((f) => f.startsWith('cli-'))).toHaveLength(3);
  }, 120_000);
});
