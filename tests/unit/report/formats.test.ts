import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DriftResult } from '../../../src/contract/drift.ts';
import type { MatrixFile, MatrixRow } from '../../../src/contract/matrix.ts';
import { readReportModel, renderTerminal, writeReports } from '../../../src/report/formats.ts';
import { renderJunit, renderJunitReport } from '../../../src/report/junit.ts';
import { vectorById } from '../../../src/vectors/catalog.ts';
import { errorRow, rowFromVerdict, summarize } from '../../../src/vectors/matrix.ts';
import { reportDirFromEvidence } from '../../helpers/report-dir.ts';

/** One format per output serves the three kinds of check: the privacy run, the matrix and the drift audit. */
const password = vectorById('password')!;
const finding = { detector: 'canary' as const, label: 'password › password', eventIndex: 4, eventType: 3, path: 'data.text', redacted: '•••' };
const verdict = (role: 'safe' | 'leaky', actual: 'caught' | 'clean', findings = [finding]) => ({
  vector: password.id,
  role,
  config: role === 'safe' ? password.safe.name : password.leaky.name,
  configPath: role === 'safe' ? password.safe.path : password.leaky.path,
  expected: role === 'safe' ? ('clean' as const) : ('caught' as const),
  actual,
  pathNamed: actual === 'caught',
  findings: actual === 'caught' ? findings : [],
});
const matrixOf = (rows: MatrixRow[]): MatrixFile => ({ seed: 7, startedAt: '2026-05-04T09:30:00.000Z', durationMs: 2000, summary: summarize(rows), rows });
const good = matrixOf([rowFromVerdict(password, verdict('safe', 'clean')), rowFromVerdict(password, verdict('leaky', 'caught'))]);
// The leaky config's leak went unseen (MISSED), and the safe cell's journey crashed (ERROR).
const bad = matrixOf([errorRow(password, 'safe', 'journey did not complete: page crashed'), rowFromVerdict(password, verdict('leaky', 'clean'))]);

const element = (selector: string, failing: boolean) => ({ route: '/book', selector, kind: 'input' as const, status: 'unprotected' as const, why: 'input type "number" not masked', violation: true, fix: `add \`${selector}\` to rrweb.blockSelector`, failing });
const drift = (elements: DriftResult['elements']): DriftResult => ({
  startedAt: '2026-05-04T09:30:00.000Z',
  durationMs: 1000,
  recorder: 'riverside-clinic',
  baseline: 'maskproof-baseline.json',
  routes: [
    { route: '/book', risk: 'low' },
    { route: '/records', risk: 'high' },
  ],
  elements,
  routeProblems: [],
});

describe('junit.xml serves the matrix and the drift audit', () => {
  it('a matrix whose cells are what they must be passes; a MISSED cell is a failure, an ERROR cell an error', () => {
    expect(renderJunitReport({ matrix: good })).toMatch(/<testsuite name="maskproof leak-vector matrix \(seed 7\)" tests="2" failures="0" errors="0"/);
    const xml = renderJunitReport({ matrix: bad });
    expect(xml).toMatch(/<testsuites name="maskproof" tests="2" failures="1" errors="1"/);
    expect(xml).toMatch(/<testcase classname="maskproof\.vector\.password" name="2\. [^"]+\[leaky-[^"]+\]: caught" [^>]*>\n\s+<failure type="privacy" message="MISSED: /);
    expect(xml).toMatch(/<error type="harness" message="journey did not complete: page crashed">/);
  });

  it('a drift route fails on an element new since the baseline, and passes with the known ones only', () => {
    expect(renderJunitReport({ drift: drift([element('#insurance', false)]) })).toMatch(/tests="2" failures="0" errors="0"/);
    const xml = renderJunitReport({ drift: drift([element('#insurance', true)]) });
    expect(xml).toMatch(/<testcase classname="maskproof\.drift" name="\/book \[low\]" time="0\.000">\n\s+<failure type="drift" message="input #insurance: unprotected/);
    expect(xml).toMatch(/<testcase classname="maskproof\.drift" name="\/records \[high\]" time="0\.000"><\/testcase>/);
  });

  it('a privacy run alone renders as it always did; with a matrix beside it, both suites and the totals', () => {
    const { results } = reportDirFromEvidence('leaky');
    expect(renderJunitReport({ run: results })).toBe(renderJunit(results));
    const both = renderJunitReport({ run: results, matrix: bad });
    expect(both).toContain(`<testsuites name="maskproof" tests="${results.cases.length + 2}"`);
    expect(both.match(/<testsuite /g)).toHaveLength(2);
  });
});

describe('the terminal serves the three kinds', () => {
  it('prints each section the model has, and the drift marks new and known violations apart', () => {
    const text = renderTerminal({ matrix: bad, drift: drift([element('#insurance', true), element('#member', false)]) });
    expect(text).toMatch(/2\. Password.*│ ✗ ERROR · safe-/);
    expect(text).toContain('✗ NEW /book input #insurance: unprotected (input type "number" not masked)');
    expect(text).toContain('· known (in baseline) /book input #member: unprotected');
    expect(text).toMatch(/2 elements on 2 routes · 2 unprotected · 1 failing \(new since the baseline\)$/);
  });
});

describe('writeReports: one call per kind of check, every format', () => {
  it("a matrix written into a run's directory leaves results.json as it was and joins junit.xml and index.html", () => {
    const { dir } = reportDirFromEvidence('leaky');
    writeReports(dir, { run: readReportModel(dir).run! });
    const before = readFileSync(join(dir, 'results.json'), 'utf8');
    const written = writeReports(dir, { matrix: bad });
    expect(written.errors).toEqual([]);
    expect(readFileSync(join(dir, 'results.json'), 'utf8')).toBe(before);
    expect(JSON.parse(readFileSync(join(dir, 'matrix.json'), 'utf8'))).toEqual(bad);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('maskproof leak-vector matrix');
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toContain('Leak-vector matrix');
    writeReports(dir, { drift: drift([element('#insurance', true)]) });
    expect(readFileSync(join(dir, 'index.html'), 'utf8')).toMatch(/<h2>Drift audit<\/h2>.*1 failure new since the baseline/s);
    expect(readReportModel(dir)).toEqual({ run: JSON.parse(before), matrix: bad, drift: drift([element('#insurance', true)]) });
  });

  it('a view that cannot render is reported, never fatal: the JSON store and the other views are still written', () => {
    const { dir } = reportDirFromEvidence('safe');
    // index.html cannot be written where a directory of that name stands.
    mkdirSync(join(dir, 'index.html'));
    const written = writeReports(dir, { matrix: good });
    expect(written.errors).toEqual([{ format: 'html', message: expect.stringMatching(/EISDIR/) }]);
    expect(written.files.json).toBe(join(dir, 'matrix.json'));
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('maskproof leak-vector matrix');
  });
});
