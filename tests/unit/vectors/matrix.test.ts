import { describe, expect, it } from 'vitest';
import { vectorById, vectors } from '../../../src/vectors/catalog.ts';
import { type MatrixRow, cellStatus, completeRows, errorRow, matrixPasses, rowFromVerdict, summarize } from '../../../src/vectors/matrix.ts';
import { renderMatrixTable } from '../../../src/report/terminal-matrix.ts';
import { decideVector, type VectorFinding } from '../../../src/vectors/verdict.ts';

const finding = (path: string): VectorFinding => ({ detector: 'canary', label: 'x › email', eventIndex: 3, eventType: 3, path, encoding: 'plain', redacted: 'ja•••@•••.com' });

/** A row as the matrix would hold it, with what the journey found. */
function row(id: string, role: 'safe' | 'leaky', paths: string[]): MatrixRow {
  const vector = vectorById(id)!;
  return rowFromVerdict(vector, decideVector(vector, role, { planted: paths.map(finding) }));
}

/** Every cell as it should be: leaky caught at the vector's path, safe clean (or caught where limited). */
function perfectRows(): MatrixRow[] {
  return vectors.flatMap((v) => [
    rowFromVerdict(v, decideVector(v, 'safe', { planted: v.limitation ? [finding(pathFor(v.id))] : [] })),
    rowFromVerdict(v, decideVector(v, 'leaky', { planted: [finding(pathFor(v.id))] })),
  ]);
}

/** A JSON path each vector's leakPath accepts. */
function pathFor(id: string): string {
  const candidates = ['data.text', 'data.node.textContent', 'data.node.attributes.title', 'data.href', 'data.commands[0].args[0]', 'data.payload.message', 'data.payload.request.body', 'data.node.attributes._cssText', 'data.node.attributes["data-private"]', 'data.node.attributes.src', 'data.attributes[0].attributes.value', 'data.texts[0].value'];
  return candidates.find((p) => vectorById(id)!.leakPath.test(p))!;
}

describe('matrix cells', () => {
  it('leaky config with a finding at the vector\'s path: caught; safe config with none: clean', () => {
    expect(cellStatus(row('network', 'leaky', ['data.payload.request.body']))).toBe('caught');
    expect(cellStatus(row('network', 'safe', []))).toBe('clean');
  });

  it('reports MISSED when the leaky config shows nothing, or only a leak somewhere else', () => {
    expect(cellStatus(row('network', 'leaky', []))).toBe('MISSED');
    expect(cellStatus(row('network', 'leaky', ['data.node.textContent']))).toBe('MISSED');
  });

  it('reports FALSE ALARM when the safe config shows a finding', () => {
    expect(cellStatus(row('canvas', 'safe', ['data.commands[0].args[0]']))).toBe('FALSE ALARM');
  });

  it('a vector rrweb cannot protect is expected caught under safe too, and says why', () => {
    const safe = row('attributes', 'safe', ['data.node.attributes.title']);
    expect(safe.expected).toBe('caught');
    expect(cellStatus(safe)).toBe('caught');
    expect(safe.limitation).toMatch(/attribute/);
    // A limitation is no excuse for a miss: nothing found is still MISSED.
    expect(cellStatus(row('attributes', 'safe', []))).toBe('MISSED');
  });

  it('a journey that crashed is an ERROR, never clean or caught', () => {
    const crashed = errorRow(vectorById('iframe')!, 'safe', 'journey did not complete: timeout');
    expect(cellStatus(crashed)).toBe('ERROR');
  });
});

describe('the matrix as a whole', () => {
  it('passes with every cell as expected: 25 vectors, 50 cells', () => {
    const summary = summarize(perfectRows());
    expect(summary).toMatchObject({ vectors: 25, rows: 50, missed: 0, falseAlarms: 0, errors: 0, limitations: 5 });
    expect(summary.caught + summary.clean).toBe(50);
    expect(matrixPasses(summary)).toBe(true);
  });

  it('fails on one MISSED or one FALSE ALARM, and on a missing cell', () => {
    const rows = perfectRows();
    const missed = rows.map((r) => (r.vector === 'css' && r.role === 'leaky' ? { ...r, actual: 'clean' as const, pathNamed: false } : r));
    expect(summarize(missed).missed).toBe(1);
    expect(matrixPasses(summarize(missed))).toBe(false);
    const falseAlarm = rows.map((r) => (r.vector === 'canvas' && r.role === 'safe' ? { ...r, actual: 'caught' as const } : r));
    expect(summarize(falseAlarm).falseAlarms).toBe(1);
    expect(matrixPasses(summarize(falseAlarm))).toBe(false);
    const holes = completeRows(rows.filter((r) => r.vector !== 'shadow-dom'));
    expect(holes).toHaveLength(50);
    expect(holes.filter((r) => cellStatus(r) === 'ERROR').map((r) => r.vector)).toEqual(['shadow-dom', 'shadow-dom']);
    expect(matrixPasses(summarize(holes))).toBe(false);
  });

  it('prints MISSED and FALSE ALARM in the terminal table, with the limitations listed', () => {
    const rows = perfectRows().map((r) => (r.vector === 'network' && r.role === 'leaky' ? { ...r, actual: 'clean' as const, findings: [], pathNamed: false } : r));
    const table = renderMatrixTable(rows, summarize(rows));
    expect(table).toMatch(/12\. Network.*✗ MISSED · leaky-network-bodies/);
    expect(table).toMatch(/7\. Attributes.*caught \(recorder limitation\) · safe/);
    expect(table).toContain('Recorder limitations');
    expect(table).toContain('1 MISSED, 0 FALSE ALARM');
    expect(table).toContain('ja•••@•••.com');
  });
});
