import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/report/results.ts';
import { type CliRun, runCli } from '../helpers/run-cli.ts';

const leaky = ['--recorder', 'fixtures/recorders/leaky.json', '--seed', '7'];

/**
 * What must not depend on sharding: each row, its status and its findings: which planted value or
 * pattern was found, where in which kind of event, in which encoding. Not the event's index: on a
 * loaded machine one more mouse move or console event shifts it between any two runs, sharded or not.
 */
const content = (results: RunResults | undefined) =>
  results?.cases.map((c) => ({
    id: c.id,
    journey: c.journey,
    project: c.project,
    expected: c.expected,
    status: c.status,
    findings: [...new Set(c.findings.map((f) => [f.detector, f.kind, f.label, f.sha256, f.redacted, f.encoding, f.eventType, f.eventSource, f.path].join(' | ')))].sort(),
  }));

const canaryKeys = (dir: string) => (JSON.parse(readFileSync(join(dir, 'canaries.json'), 'utf8')) as { canaries: { kind: string; value: string }[] }).canaries.map((c) => `${c.kind}:${c.value}`).sort();

describe('a sharded run merged is the unsharded run', () => {
  // Under the leaky config every row fails with findings: a merge that lost or mixed up one shows.
  let whole: CliRun;
  let merged: CliRun;
  let shards: CliRun[];

  it('shards 1/2 and 2/2 split the rows', () => {
    shards = [1, 2].map((i) => runCli(['run', ...leaky, '--', `--shard=${i}/2`]));
    for (const shard of shards) expect(shard.status, shard.stdout + shard.stderr).toBe(1);
    const counts = shards.map((s) => s.results?.cases.length ?? 0);
    expect(counts.every((n) => n > 0), `rows per shard: ${counts}`).toBe(true);
    expect(counts[0]! + counts[1]!).toBe(5);
  });

  it('maskproof merge gives one results.json equal to the unsharded run (rows, statuses, findings)', () => {
    whole = runCli(['run', ...leaky]);
    expect(whole.status, whole.stdout + whole.stderr).toBe(1);
    merged = runCli(['merge', ...shards.map((s) => s.reportDir)]);
    expect(merged.status, merged.stdout + merged.stderr).toBe(1);
    expect(merged.stdout).toMatch(/^0 passed, 5 failed/m);
    expect(merged.results?.shards).toBe(2);
    expect(merged.results?.seed).toBe(7);
    expect(content(merged.results)).toEqual(content(whole.results));
    expect(merged.results!.cases.every((c) => c.status === 'fail' && c.findings.length > 0 || c.id === 'admin-route')).toBe(true);
  });

  it('the merged report is whole: canaries, junit (one testcase per row), index.html and every evidence file', () => {
    const dir = merged.reportDir;
    expect(canaryKeys(dir)).toEqual(canaryKeys(whole.reportDir));
    const junit = readFileSync(join(dir, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(5);
    expect(junit).toMatch(/<testsuites name="maskproof" tests="5" failures="5"/);
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('PII form submit');
    for (const c of merged.results!.cases) {
      const files = [c.evidence?.recording, c.evidence?.evidence, ...(c.evidence?.visual ?? []).flatMap((v) => (v.images ? [v.images.live, v.images.replay, v.images.diff] : []))].filter((f): f is string => !!f);
      expect(files.length, c.id).toBeGreaterThan(0);
      for (const file of files) expect(existsSync(join(dir, file)), `${c.id}: ${file}`).toBe(true);
    }
  });

  it('refuses shards of different runs, and a shard given twice', () => {
    const twice = runCli(['merge', shards[0]!.reportDir, shards[0]!.reportDir]);
    expect(twice.status).toBe(2);
    expect(twice.stderr).toMatch(/is in .* and in /);
    const other = runCli(['merge', shards[0]!.reportDir, merged.reportDir.replace(/$/, '-missing')]);
    expect(other.status).toBe(2);
    expect(other.stderr).toMatch(/has no results\.json/);
  });
});
