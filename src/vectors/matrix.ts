import { type ConfigRole, type LeakVector, configOf, expectedOutcome, vectors } from './catalog.ts';
import type { VectorVerdict } from './verdict.ts';
import { type CellStatus, type MatrixRow, type MatrixSummary, cellStatus } from '../contract/matrix.ts';

export type { CellStatus, MatrixFile, MatrixRow, MatrixSummary } from '../contract/matrix.ts';
export { cellStatus } from '../contract/matrix.ts';

export function rowFromVerdict(vector: LeakVector, verdict: VectorVerdict, extra: { recording?: string; durationMs?: number; error?: string } = {}): MatrixRow {
  return {
    vector: vector.id,
    config: verdict.config,
    expected: verdict.expected,
    actual: verdict.actual,
    number: vector.number,
    title: vector.title,
    plants: vector.plants,
    protectedBy: vector.protectedBy,
    role: verdict.role,
    configPath: verdict.configPath,
    pathNamed: verdict.pathNamed,
    findings: verdict.findings,
    ...(verdict.mistake ? { mistake: verdict.mistake } : {}),
    ...(verdict.limitation ? { limitation: verdict.limitation } : {}),
    ...(vector.note && verdict.role === 'safe' ? { note: vector.note } : {}),
    ...extra,
  };
}

/** The row of a cell whose journey never produced a verdict (crashed, skipped, or missing from the run). */
export function errorRow(vector: LeakVector, role: ConfigRole, error: string, extra: { recording?: string; durationMs?: number } = {}): MatrixRow {
  const config = configOf(vector, role);
  return {
    vector: vector.id,
    config: config.name,
    expected: expectedOutcome(vector, role),
    // Nothing was proven: a crashed leaky row must not read as caught, nor a crashed safe row as clean.
    actual: role === 'leaky' ? 'clean' : 'caught',
    number: vector.number,
    title: vector.title,
    plants: vector.plants,
    protectedBy: vector.protectedBy,
    role,
    configPath: config.path,
    pathNamed: false,
    findings: [],
    ...(role === 'leaky' ? { mistake: vector.leaky.mistake } : {}),
    ...(vector.limitation ? { limitation: vector.limitation } : {}),
    error,
    ...extra,
  };
}

/** Every cell of the catalog, in order, the missing ones as errors: a matrix with holes never passes. */
export function completeRows(rows: readonly MatrixRow[]): MatrixRow[] {
  return vectors.flatMap((vector) =>
    (['safe', 'leaky'] as const).map((role) => rows.find((r) => r.vector === vector.id && r.role === role) ?? errorRow(vector, role, 'no result: the journey did not run')),
  );
}

/** Rows in catalog order, safe before leaky. */
export function sortedRows(rows: readonly MatrixRow[]): MatrixRow[] {
  return [...rows].sort((a, b) => a.number - b.number || (a.role === b.role ? 0 : a.role === 'safe' ? -1 : 1));
}

export function summarize(rows: readonly MatrixRow[]): MatrixSummary {
  const count = (status: CellStatus) => rows.filter((r) => cellStatus(r) === status).length;
  return {
    vectors: new Set(rows.map((r) => r.vector)).size,
    rows: rows.length,
    caught: count('caught'),
    clean: count('clean'),
    missed: count('MISSED'),
    falseAlarms: count('FALSE ALARM'),
    errors: count('ERROR'),
    limitations: new Set(rows.filter((r) => r.limitation).map((r) => r.vector)).size,
  };
}

/** The matrix passes when every cell is what it must be: no MISSED, no FALSE ALARM, no ERROR. */
export function matrixPasses(summary: MatrixSummary): boolean {
  return summary.missed === 0 && summary.falseAlarms === 0 && summary.errors === 0 && summary.rows === vectors.length * 2;
}
