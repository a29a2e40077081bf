import type { AuditStatus } from './verdict.ts';

/** The leak-vector matrix's shapes (<report>/matrix.json): what src/vectors writes and every report format reads. */

/** Which recorder config a cell runs: the one that protects the vector, or the one with the mistake. */
export type ConfigRole = 'safe' | 'leaky';

export type Outcome = 'caught' | 'clean';

/** One leak found for a vector: a planted value (redacted) or a structural leak, and where. */
export interface VectorFinding {
  detector: 'canary' | 'structure';
  label: string;
  eventIndex: number;
  eventType: number;
  /** JSON path inside the event: what the vector's leakPath is matched against. */
  path: string;
  encoding?: string;
  /** Redacted form of the value found; never the value. */
  redacted?: string;
}

/** One row of reports/matrix.json: a vector under one recorder config. */
export interface MatrixRow {
  vector: string;
  config: string;
  expected: Outcome;
  actual: Outcome;
  number: number;
  title: string;
  role: ConfigRole;
  configPath: string;
  /** A finding names the vector's own path. */
  pathNamed: boolean;
  findings: VectorFinding[];
  /** What the vector's page plants, and the recorder option that protects it. */
  plants: string;
  protectedBy: string;
  /** The real-world mistake the leaky config stands for. */
  mistake?: string;
  /** Why rrweb cannot protect this vector under any config (the safe row is then expected caught). */
  limitation?: string;
  /** What the matrix found out about the safe config (e.g. a setting safe.json lacks). */
  note?: string;
  /** The journey did not complete: the row proves nothing. */
  error?: string;
  recording?: string;
  durationMs?: number;
}

export type CellStatus = 'caught' | 'clean' | 'MISSED' | 'FALSE ALARM' | 'ERROR';

export interface MatrixFile {
  seed: number;
  startedAt: string;
  durationMs: number;
  summary: MatrixSummary;
  rows: MatrixRow[];
}

export interface MatrixSummary {
  vectors: number;
  rows: number;
  caught: number;
  clean: number;
  missed: number;
  falseAlarms: number;
  errors: number;
  limitations: number;
}

/**
 * What a cell says. A leak counts as caught only when a finding names the vector's own path: a leak
 * found somewhere else does not prove the vector is detected.
 */
export function cellStatus(row: Pick<MatrixRow, 'expected' | 'actual' | 'pathNamed' | 'error'>): CellStatus {
  if (row.error) return 'ERROR';
  if (row.expected === 'caught') return row.actual === 'caught' && row.pathNamed ? 'caught' : 'MISSED';
  return row.actual === 'clean' ? 'clean' : 'FALSE ALARM';
}

/** A cell in the four words every check reports in: caught and clean pass, MISSED and FALSE ALARM fail. */
export function cellCheckStatus(status: CellStatus): AuditStatus {
  return status === 'ERROR' ? 'error' : status === 'MISSED' || status === 'FALSE ALARM' ? 'fail' : 'pass';
}
