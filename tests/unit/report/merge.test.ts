import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MaskproofError } from '../../../src/errors.ts';
import { mergeReports } from '../../../src/report/merge.ts';
import type { CaseResult, RunResults } from '../../../src/report/results.ts';

const row = (id: string, project: string, reasons: string[] = []): CaseResult => ({
  id,
  journey: id,
  expected: `expected of ${id}`,
  project,
  status: reasons.length ? 'fail' : 'pass',
  reasons,
  durationMs: 1000,
  findings: [],
  details: {},
  evidence: { recording: `recordings/${project}-${id}.json`, evidence: `recordings/${project}-${id}.evidence.json`, visual: [] },
});

/** A shard's report directory, as `maskproof run --report DIR -- --shard=i/n` leaves it. */
function shard(cases: CaseResult[], canaries: { kind: string; value: string; label: string }[], overrides: Partial<RunResults> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'maskproof-shard-'));
  const results: RunResults = { seed: 7, recorder: 'leaky', recorderConfig: 'fixtures/recorders/leaky.json', startedAt: '2026-01-01T00:00:00.000Z', durationMs: 5000, cases, ...overrides };
  writeFileSync(join(dir, 'results.json'), JSON.stringify(results));
  writeFileSync(join(dir, 'canaries.json'), JSON.stringify({ seed: results.seed, canaries }));
  mkdirSync(join(dir, 'recordings'));
  for (const c of cases) {
    writeFileSync(join(dir, c.evidence!.recording), '[]');
    writeFileSync(join(dir, c.evidence!.evidence), '{}');
  }
  mkdirSync(join(dir, 'test-results'));
  writeFileSync(join(dir, 'test-results', 'trace.zip'), 'x');
  return dir;
}

const email = { kind: 'email', value: 'jane.doe@example.com', label: 'person › email' };

describe('maskproof merge', () => {
  it('joins the shards in the table order, with every canary and every evidence file', () => {
    const one = shard([row('mobile-gestures', 'mobile')], [email]);
    const two = shard([row('pii-form-submit', 'desktop'), row('admin-route', 'desktop')], [{ kind: 'token', value: 'tok_123456789', label: 'session › auth token' }], { startedAt: '2026-01-01T00:00:02.000Z' });
    const out = mkdtempSync(join(tmpdir(), 'maskproof-merged-'));
    const { results } = mergeReports([one, two], out);
    expect(results.cases.map((c) => c.id)).toEqual(['pii-form-submit', 'admin-route', 'mobile-gestures']);
    expect(results.shards).toBe(2);
    // From the first start to the last end: 0 s to 2 s + 5 s.
    expect(results.durationMs).toBe(7000);
    const canaries = JSON.parse(readFileSync(join(out, 'canaries.json'), 'utf8')) as { canaries: { kind: string }[] };
    expect(canaries.canaries.map((c) => c.kind).sort()).toEqual(['email', 'token']);
    for (const c of results.cases) expect(existsSync(join(out, c.evidence!.recording))).toBe(true);
    expect(existsSync(join(out, 'test-results'))).toBe(false);
    expect(readFileSync(join(out, 'junit.xml'), 'utf8').match(/<testcase /g)).toHaveLength(3);
  });

  it("redacts a value one shard planted wherever another shard's report holds it", () => {
    const one = shard([row('pii-form-submit', 'desktop')], [email]);
    const two = shard([row('rage-click', 'desktop', ['console message carries jane.doe@example.com'])], []);
    const out = mkdtempSync(join(tmpdir(), 'maskproof-merged-'));
    const { results } = mergeReports([one, two], out);
    const merged = readFileSync(join(out, 'results.json'), 'utf8') + readFileSync(join(out, 'junit.xml'), 'utf8');
    expect(merged).not.toContain('jane.doe@example.com');
    expect(results.cases.find((c) => c.id === 'rage-click')?.reasons[0]).toMatch(/console message carries ja•+@•+\.com/);
  });

  it('refuses shards of different runs and a row from two shards', () => {
    const one = shard([row('pii-form-submit', 'desktop')], []);
    const otherSeed = shard([row('admin-route', 'desktop')], [], { seed: 8 });
    const out = mkdtempSync(join(tmpdir(), 'maskproof-merged-'));
    expect(() => mergeReports([one, otherSeed], out)).toThrow(MaskproofError);
    expect(() => mergeReports([one, otherSeed], out)).toThrow(/seed 8 vs 7/);
    const again = shard([row('pii-form-submit', 'desktop')], []);
    expect(() => mergeReports([one, again], out)).toThrow(/pii-form-submit · pii-form-submit \[desktop\] is in/);
    expect(() => mergeReports([join(out, 'nope')], out)).toThrow(/has no results\.json/);
  });
});
