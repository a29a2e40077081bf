import { join } from 'node:path';
import type { Evidence, EvidenceSummary } from '../../contract/evidence.ts';
import type { Canary } from '../../contract/findings.ts';
import type { MatrixRow as MatrixCell } from '../../contract/matrix.ts';
import type { DriftResult } from '../../contract/drift.ts';
import type { CaseResult, RunResults } from '../../contract/results.ts';
import { DRIFT_RESULT_FILE } from '../../contract/names.ts';
import { readJson } from '../read-json.ts';

export type { EvidenceSummary } from '../../contract/evidence.ts';
/** A row of reports/matrix.json as the page reads it: the four keys it needs, the rest when present (older files have fewer). */
export type MatrixRow = Pick<MatrixCell, 'vector' | 'config' | 'expected' | 'actual'> & Partial<Omit<MatrixCell, 'vector' | 'config' | 'expected' | 'actual'>>;

export interface ReportInput {
  results: RunResults;
  /** Per case (same order as results.cases): what its evidence file holds, when it could be read. */
  evidence: (EvidenceSummary | undefined)[];
  matrix: MatrixRow[] | undefined;
  /** The drift audit's result, when one was written into the directory. */
  drift?: DriftResult;
  /** Every planted value of the run: scrubbed from everything the report prints. */
  canaries: Canary[];
}

function evidenceOf(dir: string, c: CaseResult): { summary: EvidenceSummary | undefined; canaries: Canary[] } | undefined {
  const file = c.evidence?.evidence;
  const evidence = file ? readJson<Evidence>(join(dir, file)) : undefined;
  // The summary is computed when the evidence is written (src/verdict/evidence-summary.ts): the report runs no query.
  return evidence ? { summary: evidence.summary, canaries: evidence.canaries } : undefined;
}

/** Reads what the report renders: results.json, each journey's evidence, canaries.json, matrix.json, drift-result.json. */
export function loadReportInput(dir: string): ReportInput {
  const results = readJson<RunResults>(join(dir, 'results.json'));
  if (!results) throw new Error(`no results.json in ${dir}`);
  const loaded = results.cases.map((c) => evidenceOf(dir, c));
  const canaries = [...(readJson<{ canaries: Canary[] }>(join(dir, 'canaries.json'))?.canaries ?? []), ...loaded.flatMap((l) => l?.canaries ?? [])];
  const matrix = readJson<{ rows?: MatrixRow[] }>(join(dir, 'matrix.json'))?.rows;
  const drift = readJson<DriftResult>(join(dir, DRIFT_RESULT_FILE));
  return { results, evidence: loaded.map((l) => l?.summary), matrix: Array.isArray(matrix) ? matrix : undefined, ...(drift && Array.isArray(drift.elements) ? { drift } : {}), canaries };
}
