import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSyntheticData } from '../../src/data/synthetic-data.ts';
import { configOf, vectorById, vectors } from '../../src/vectors/catalog.ts';
import type { MatrixFile } from '../../src/vectors/matrix.ts';
import type { RecorderMatrixFile } from '../../src/vectors/recorder-matrix.ts';
import { plantedValues } from '../../src/vectors/planted.ts';
import { type CliRun, runCli, runCliAsync } from '../helpers/run-cli.ts';
import { reportDirFromEvidence } from '../helpers/report-dir.ts';

/** A value in the text; one shorter than 6 characters (a CVC, an expiry) only as a whole token, as the engine matches it: "017" is not in "durationMs": 2017. */
function printedInFull(text: string, value: string): boolean {
  if (value.length >= 6) return text.includes(value);
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![A-Za-z0-9])${escaped}(?![A-Za-z0-9])`).test(text);
}

/** `maskproof matrix` as a user runs it: every vector under its safe and its leaky config, one run. */
describe('maskproof matrix, end to end', () => {
  let run: CliRun;
  let reportDir: string;
  let matrix: MatrixFile;

  beforeAll(() => {
    // A report directory that already holds a run's results.json: the matrix joins its index.html.
    reportDir = reportDirFromEvidence('safe').dir;
    run = runCli(['matrix', '--seed', '7', '--report', reportDir]);
    matrix = JSON.parse(readFileSync(join(reportDir, 'matrix.json'), 'utf8')) as MatrixFile;
  });

  it('exits 0 with all twenty-five vectors, zero MISSED and zero FALSE ALARM', () => {
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(matrix.summary).toMatchObject({ vectors: 25, rows: 50, missed: 0, falseAlarms: 0, errors: 0 });
    expect(new Set(matrix.rows.map((r) => r.vector))).toEqual(new Set(vectors.map((v) => v.id)));
    expect(run.stdout).toMatch(/25 vectors · 50 cells: \d+ caught, \d+ clean, 0 MISSED, 0 FALSE ALARM/);
  });

  it('runs vendor cells under their vendor: click breadcrumbs under Sentry, the remote config under PostHog', () => {
    const row = (vector: string, role: string) => matrix.rows.find((r) => r.vector === vector && r.role === role)!;
    expect(row('click-breadcrumbs', 'leaky').findings.map((f) => f.path)).toEqual(expect.arrayContaining(['data.payload.data.node.textContent', 'data.payload.data.node.attributes["aria-label"]']));
    expect(row('click-breadcrumbs', 'safe')).toMatchObject({ config: 'sentry-default', actual: 'clean' });
    expect(row('remote-config', 'leaky')).toMatchObject({ config: 'posthog-remote-unmasks-inputs', actual: 'caught', pathNamed: true });
    expect(row('remote-config', 'safe')).toMatchObject({ config: 'posthog-local-masks-inputs', actual: 'clean' });
    expect(row('compressed-bodies', 'leaky').findings.some((f) => f.encoding === 'gzip' && f.path === 'data.payload.request.body')).toBe(true);
  });

  it('writes matrix.json rows as {vector, config, expected, actual}, safe and leaky for every vector', () => {
    for (const row of matrix.rows) {
      expect(Object.keys(row)).toEqual(expect.arrayContaining(['vector', 'config', 'expected', 'actual']));
      expect(['caught', 'clean']).toContain(row.expected);
      expect(['caught', 'clean']).toContain(row.actual);
      expect(row.config).toBe(configOf(vectorById(row.vector)!, row.role).name);
    }
    for (const vector of vectors) expect(matrix.rows.filter((r) => r.vector === vector.id).map((r) => r.role)).toEqual(['safe', 'leaky']);
  });

  it('every leaky cell is caught with a finding that names the vector\'s path', () => {
    for (const row of matrix.rows.filter((r) => r.role === 'leaky')) {
      const vector = vectorById(row.vector)!;
      expect(row.actual, row.vector).toBe('caught');
      expect(row.findings.some((f) => vector.leakPath.test(f.path)), `${row.vector}: ${row.findings.map((f) => f.path).join(', ')}`).toBe(true);
    }
  });

  it('every safe cell is clean, except the recorder limitations, which are caught and say why', () => {
    for (const row of matrix.rows.filter((r) => r.role === 'safe')) {
      if (row.limitation) {
        expect(row.actual, row.vector).toBe('caught');
        expect(run.stdout).toContain(row.limitation);
      } else {
        expect(row.actual, `${row.vector}: ${row.findings.map((f) => `${f.label} at ${f.path}`).join(', ')}`).toBe('clean');
      }
    }
    expect(matrix.rows.filter((r) => r.limitation && r.role === 'safe').map((r) => r.vector)).toEqual(['attributes', 'page-url', 'css', 'select-defaults', 'button-values']);
  });

  it('never prints or writes a planted value in full', () => {
    const outputs = [run.stdout, run.stderr, readFileSync(join(reportDir, 'matrix.json'), 'utf8')];
    for (const vector of vectors) {
      for (const role of ['safe', 'leaky'] as const) {
        const scope = `vectors › vector ${vector.number}: ${vector.id} › ${role} › ${vector.title} · ${configOf(vector, role).name}`;
        for (const { value } of Object.values(plantedValues(vector.id, createSyntheticData(7, scope)))) {
          for (const text of outputs) expect(printedInFull(text, value), `${vector.id} ${role}`).toBe(false);
        }
      }
    }
  });

  it('adds the matrix to the HTML report beside results.json', () => {
    const html = readFileSync(join(reportDir, 'index.html'), 'utf8');
    expect(html).toContain('Leak-vector matrix');
    expect(html).toContain('every leak caught, no false alarm.');
    expect(html.match(/<span class="cell limitation">RECORDER LIMITATION<\/span>/g)).toHaveLength(5);
  });

  it('bad usage exits 2 with what to do next, before any browser starts', () => {
    const bad = runCli(['matrix', '--seed', 'seven']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--seed must be a non-negative integer[\s\S]*→/);
    expect(existsSync(join(bad.reportDir, 'matrix.json'))).toBe(false);
  });
});

/** `maskproof matrix --recorder`: every vector page under one vendor config (a part of it here, for CI time). */
describe('maskproof matrix --recorder, end to end', () => {
  let run: CliRun;
  let file: RecorderMatrixFile;

  beforeAll(() => {
    run = runCli(['matrix', '--recorder', 'fixtures/recorders/posthog-default.json', '--seed', '7', '--', '--grep', '@vector-(attributes|remote-config|click-breadcrumbs)']);
    file = JSON.parse(readFileSync(join(run.reportDir, 'matrix-recorder.json'), 'utf8')) as RecorderMatrixFile;
  });

  it('reports per vector safe / leaked / inapplicable with the reason, and exits 1 on a leak', () => {
    expect(run.status, run.stdout + run.stderr).toBe(1);
    expect(file.recorder).toMatchObject({ name: 'posthog-default', kind: 'posthog' });
    const status = Object.fromEntries(file.rows.map((r) => [r.vector, r.status]));
    // PostHog records attributes verbatim; posthog-default leaves inputs masked whatever the server says; it sends no breadcrumbs.
    expect(status).toEqual({ attributes: 'leaked', 'click-breadcrumbs': 'inapplicable', 'remote-config': 'safe' });
    expect(file.rows.find((r) => r.vector === 'attributes')!.pathNamed).toBe(true);
    expect(run.stdout).toMatch(/21\. Click breadcrumbs.*– inapplicable .*PostHog sends no click breadcrumbs/);
    expect(run.stdout).toContain('posthog-default (posthog) · 3 vectors: 1 safe, 1 leaked, 1 inapplicable');
  });

  it('never prints or writes a planted value in full', () => {
    const outputs = [run.stdout, run.stderr, readFileSync(join(run.reportDir, 'matrix-recorder.json'), 'utf8')];
    for (const id of ['attributes', 'remote-config'] as const) {
      const vector = vectorById(id)!;
      const scope = `vectors › vector ${vector.number}: ${vector.id} › ${vector.title} · posthog-default`;
      for (const { value } of Object.values(plantedValues(vector.id, createSyntheticData(7, scope)))) {
        for (const text of outputs) expect(printedInFull(text, value), id).toBe(false);
      }
    }
  });

  it('an unknown recorder config is exit 2 before any browser starts', () => {
    const bad = runCli(['matrix', '--recorder', 'fixtures/recorders/no-such.json']);
    expect(bad.status).toBe(2);
    expect(existsSync(join(bad.reportDir, 'matrix-recorder.json'))).toBe(false);
  });
});

/**
 * A vendor's matrix catches its leaky config on a named vector and stays clean under its defaults there:
 * Amplitude's server-sent sr_privacy_config wins over the code's, so vector 25 runs for it (it was
 * inapplicable before the vendor said so). One vector, two short runs of the real SDK.
 */
describe('maskproof matrix --recorder on Amplitude: vector 25, the remote config', () => {
  const remoteRow = async (config: string) => {
    const run = await runCliAsync(['matrix', '--recorder', `fixtures/recorders/${config}.json`, '--seed', '7', '--', '--grep', '@vector-remote-config']);
    const file = JSON.parse(readFileSync(join(run.reportDir, 'matrix-recorder.json'), 'utf8')) as RecorderMatrixFile;
    return { run, row: file.rows.find((r) => r.vector === 'remote-config')! };
  };

  it('amplitude-leaky (code conservative, remote light): leaked at the input event, exit 1; amplitude-default: safe, exit 0', async () => {
    // Side by side: two short runs of the real SDK, one vector each.
    const [leaky, safe] = await Promise.all([remoteRow('amplitude-leaky'), remoteRow('amplitude-default')]);
    expect(leaky.run.status, leaky.run.stdout + leaky.run.stderr).toBe(1);
    expect(leaky.row).toMatchObject({ status: 'leaked', pathNamed: true, recorder: 'amplitude' });
    expect(leaky.row.findings.map((f) => `${f.label} at ${f.path}`)).toContain('remote-config › newsletterName at data.text');
    expect(leaky.run.stdout).toMatch(/25\. A remote .*✗ leaked .*newsletterName/);

    expect(safe.run.status, safe.run.stdout + safe.run.stderr).toBe(0);
    expect(safe.row).toMatchObject({ status: 'safe', findings: [] });
  });
});
