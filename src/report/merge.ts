import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Canary } from '../contract/findings.ts';
import { MaskproofError, UsageError } from '../errors.ts';
import { writeReports } from './formats.ts';
import { createScrubber } from './html/scrub.ts';
import { orderCases } from './order.ts';
import type { RunResults } from '../contract/results.ts';

/** A shard's files that the merge writes anew for the whole run; everything else (evidence) is copied. */
const RUN_FILES = new Set(['results.json', 'canaries.json', 'junit.xml', 'index.html', 'test-results']);

interface Shard {
  dir: string;
  results: RunResults;
  canaries: Canary[];
}

function readShard(dir: string): Shard {
  const file = join(dir, 'results.json');
  if (!existsSync(file)) {
    throw new UsageError(`${dir} has no results.json`, 'Pass the --report directory of each shard (`maskproof run --report DIR -- --shard=1/2`), after every shard finished.');
  }
  let results: RunResults;
  try {
    results = JSON.parse(readFileSync(file, 'utf8')) as RunResults;
  } catch (error) {
    throw new UsageError(`${file} is not valid JSON (${(error as Error).message})`, 'Re-run that shard: its results.json was cut short.');
  }
  if (!Array.isArray(results.cases)) throw new UsageError(`${file} is not a maskproof results.json (no "cases")`, 'Pass the --report directories of `maskproof run`.');
  const canaryFile = join(dir, 'canaries.json');
  const canaries = existsSync(canaryFile) ? ((JSON.parse(readFileSync(canaryFile, 'utf8')) as { canaries?: Canary[] }).canaries ?? []) : [];
  return { dir, results, canaries };
}

/** The keys that must agree across shards: two shards of different runs are not one run. */
function runKey(r: RunResults): string {
  return JSON.stringify([r.seed, r.recorder, r.recorderKind ?? null, r.recorderConfig]);
}

const rowKey = (c: RunResults['cases'][number]) => `${c.id} · ${c.journey} [${c.project}]`;

export interface MergeOutcome {
  results: RunResults;
  /** index.html, or undefined when it could not be rendered (the error is in `htmlError`). */
  html?: string;
  htmlError?: string;
}

/**
 * Merges the report directories of a sharded run (`maskproof run --report DIR -- --shard=i/n`) into
 * one: results.json with every row in the table's order, canaries.json with every planted value,
 * junit.xml (one testcase per row) and index.html, with each shard's evidence files copied over.
 * Every check a single run makes holds: the shards must share seed and recorder config, and no row
 * may come from two shards.
 */
export function mergeReports(shardDirs: string[], outDir: string): MergeOutcome {
  if (shardDirs.length === 0) throw new UsageError('merge needs the report directory of each shard', 'Run `maskproof merge --report DIR <shard dir>...`.');
  const out = resolve(outDir);
  const shards = shardDirs.map((dir) => readShard(resolve(dir)));
  const first = shards[0]!;
  for (const shard of shards.slice(1)) {
    if (runKey(shard.results) !== runKey(first.results)) {
      throw new MaskproofError(
        `${shard.dir} is from another run than ${first.dir} (seed ${shard.results.seed} vs ${first.results.seed}, recorder ${shard.results.recorderConfig} vs ${first.results.recorderConfig})`,
        'Merge the shards of one run: every shard with the same --seed and --recorder.',
        2,
      );
    }
  }
  const seen = new Map<string, string>();
  for (const shard of shards) {
    for (const c of shard.results.cases) {
      const key = rowKey(c);
      const other = seen.get(key);
      if (other) throw new MaskproofError(`the row ${key} is in ${other} and in ${shard.dir}`, 'Merge each shard once, and the shards of one run only (--shard=1/n … n/n).', 2);
      seen.set(key, shard.dir);
    }
  }

  mkdirSync(out, { recursive: true });
  for (const shard of shards) {
    if (shard.dir === out) continue;
    for (const name of readdirSync(shard.dir)) {
      if (RUN_FILES.has(name)) continue;
      cpSync(join(shard.dir, name), join(out, name), { recursive: true, force: true });
    }
  }

  const canaries = new Map<string, Canary>();
  for (const canary of shards.flatMap((s) => s.canaries)) canaries.set(`${canary.kind}:${canary.value}`, canary);
  // Each shard redacted with its own canaries; a value one shard planted and another shard's text holds
  // is redacted here, with all of them.
  const scrub = createScrubber([...canaries.values()]);
  const cases = orderCases(shards.flatMap((s) => s.results.cases)).map((c) => ({ ...c, reasons: c.reasons.map(scrub) }));
  const starts = shards.map((s) => Date.parse(s.results.startedAt)).filter(Number.isFinite);
  const ends = shards.map((s) => Date.parse(s.results.startedAt) + s.results.durationMs).filter(Number.isFinite);
  const pick = <K extends keyof RunResults>(key: K) => shards.map((s) => s.results[key]).find((v) => v !== undefined);
  const results: RunResults = {
    ...first.results,
    startedAt: new Date(starts.length ? Math.min(...starts) : Date.now()).toISOString(),
    durationMs: starts.length && ends.length ? Math.max(...ends) - Math.min(...starts) : shards.reduce((sum, s) => sum + s.results.durationMs, 0),
    cases,
    appUrl: pick('appUrl'),
    browser: pick('browser'),
    browserSource: pick('browserSource'),
    recorderSettings: pick('recorderSettings'),
    shards: shards.length,
  };
  // The same formats as a single run: results.json (canaries.json first), junit.xml, index.html.
  const reports = writeReports(out, { run: results }, { canaries: [...canaries.values()], scrub });
  const htmlError = reports.errors.find((e) => e.format === 'html' || e.format === 'junit');
  return htmlError ? { results, htmlError: htmlError.message } : { results, html: reports.files.html };
}
