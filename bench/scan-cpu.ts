/**
 * The scanner alone, on events parsed beforehand: CPU time of two source trees side by side.
 *   node --import tsx bench/scan-cpu.ts [--old /path/to/old/src] [--mb 20] [--pairs 3] [--rounds 4]
 *
 * Writes the bench:scan recording (bench-recording.ts, same seed), then runs, alternately, a child
 * process per tree (`--old` and this tree's src), old first in odd pairs and new first in even ones, so
 * that a machine growing busier does not favour either. Each child reads and parses every event once
 * (not timed), then scans them all `--rounds` times with a fresh scanner each time, and reports the CPU
 * time (user + system, all threads) of each round, the CPU time of JSON.parse of the same bytes (so a
 * ratio holds across load), and a digest of its findings: two runs of the same detectors must agree.
 * Without `--old`, only this tree is run (a digest and figures to compare before and after a change).
 *
 * A child on its own (for `node --cpu-prof`):
 *   node --import tsx bench/scan-cpu.ts --child --src src --file rec.json --canaries-file canaries.json
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { loadCanaries } from '../src/cli/scan-command.ts';
import { readEventBatches } from '../src/recording/read-recording.ts';
import { benchRecording } from './bench-recording.ts';

const { values: args } = parseArgs({
  options: {
    old: { type: 'string' },
    mb: { type: 'string', default: '20' },
    canaries: { type: 'string', default: '1000' },
    pairs: { type: 'string', default: '3' },
    rounds: { type: 'string', default: '4' },
    child: { type: 'boolean', default: false },
    src: { type: 'string' },
    file: { type: 'string' },
    'canaries-file': { type: 'string' },
  },
});

const MB = 1024 * 1024;
const here = dirname(fileURLToPath(import.meta.url));

interface ChildResult {
  src: string;
  /** CPU milliseconds of each scan round (a fresh scanner each, its build included). */
  scanMs: number[];
  /** CPU milliseconds of each round of JSON.parse over the same bytes. */
  parseMs: number[];
  findings: number;
  byDetector: Record<string, number>;
  /** sha256 of every finding (detector, kind, path, encoding, value hash, label, event) in order. */
  digest: string;
}

/** The scanner's interface as both trees have it (the old one ignores the last two arguments). */
interface AnyScanner {
  scanEvent(event: unknown, index: number, json?: Uint8Array, members?: number): { detector: string }[];
  finish(): { detector: string }[];
}

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

async function runChild(src: string, file: string, canariesFile: string, rounds: number): Promise<ChildResult> {
  const { createScanner } = (await import(pathToFileURL(join(resolve(src), 'detect/index.ts')).href)) as { createScanner: (o: object) => AnyScanner };
  const canaries = loadCanaries(canariesFile);
  const elements: Buffer[] = [];
  const members: (number | undefined)[] = [];
  for await (const batch of readEventBatches(file)) {
    batch.elements.forEach((element, i) => {
      elements.push(element);
      members.push(batch.members?.[i]);
    });
  }
  const events = elements.map((element) => JSON.parse(element.toString('utf8')) as unknown);
  const result: ChildResult = { src, scanMs: [], parseMs: [], findings: 0, byDetector: {}, digest: '' };
  for (let round = 0; round < rounds; round++) {
    let cpu = process.cpuUsage();
    for (const element of elements) JSON.parse(element.toString('utf8'));
    result.parseMs.push(cpuMs(cpu));
    cpu = process.cpuUsage();
    const scanner = createScanner({ canaries, patterns: true });
    const findings: { detector: string }[] = [];
    for (let i = 0; i < events.length; i++) for (const finding of scanner.scanEvent(events[i], i, elements[i], members[i])) findings.push(finding);
    for (const finding of scanner.finish()) findings.push(finding);
    result.scanMs.push(cpuMs(cpu));
    const hash = createHash('sha256');
    for (const f of findings as unknown as Record<string, unknown>[]) hash.update(`${f.detector}|${f.kind}|${f.path}|${f.encoding}|${f.sha256}|${f.label ?? ''}|${f.eventIndex}\n`);
    result.digest = hash.digest('hex').slice(0, 16);
    result.findings = findings.length;
    result.byDetector = {};
    for (const f of findings) result.byDetector[f.detector] = (result.byDetector[f.detector] ?? 0) + 1;
  }
  return result;
}

if (args.child) {
  process.stdout.write(JSON.stringify(await runChild(args.src!, args.file!, args['canaries-file']!, Number(args.rounds))));
  process.exit(0);
}

async function child(src: string, file: string, canariesFile: string): Promise<ChildResult> {
  const argv = ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', '--src', src, '--file', file, '--canaries-file', canariesFile, '--rounds', args.rounds!];
  const { stdout } = await promisify(execFile)(process.execPath, argv, { cwd: join(here, '..'), maxBuffer: 64 * MB });
  return JSON.parse(stdout) as ChildResult;
}

const best = (values: number[]) => Math.min(...values);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const dir = mkdtempSync(join(tmpdir(), 'maskproof-scan-cpu-'));
try {
  const file = join(dir, 'recording.json');
  const { canaries, generate } = benchRecording(Number(args.canaries));
  const { events } = await generate(file, Number(args.mb) * MB);
  const canariesFile = join(dir, 'canaries.json');
  writeFileSync(canariesFile, JSON.stringify({ canaries }));
  const size = statSync(file).size / MB;
  console.log(`recording: ${size.toFixed(1)} MB, ${events.toLocaleString('en-US')} events, ${canaries.length} canaries; ${args.rounds} rounds per run, best and median CPU ms`);
  const trees = [...(args.old ? [{ name: 'old', src: args.old }] : []), { name: 'new', src: join(here, '..', 'src') }];
  const digests = new Map<string, Set<string>>();
  const line = (cells: string[]) => console.log(cells.map((c, i) => (i < 2 ? c.padEnd(5) : c.padStart(12))).join(' '));
  line(['pair', 'tree', 'load', 'scan best', 'scan median', 'parse best', 'scan/parse', 'MB/s (CPU)', 'findings', 'digest']);
  for (let pair = 1; pair <= Number(args.pairs); pair++) {
    const order = pair % 2 === 1 ? trees : [...trees].reverse();
    for (const tree of order) {
      const load = loadavg()[0]!;
      const r = await child(tree.src, file, canariesFile);
      (digests.get(tree.name) ?? digests.set(tree.name, new Set()).get(tree.name)!).add(r.digest);
      const scan = best(r.scanMs);
      line([String(pair), tree.name, load.toFixed(1), scan.toFixed(0), median(r.scanMs).toFixed(0), best(r.parseMs).toFixed(0), `${(scan / best(r.parseMs)).toFixed(2)}×`, (size / (scan / 1000)).toFixed(1), String(r.findings), r.digest]);
      if (pair === 1) console.log(`      ${tree.name} findings by detector: ${JSON.stringify(r.byDetector)}`);
    }
  }
  for (const [name, set] of digests) if (set.size > 1) console.log(`WARNING: ${name} gave different findings from run to run: ${[...set].join(', ')}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
