import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Canary } from '../../detect/types.ts';
import type { Evidence } from '../../fixture/index.ts';
import { countByType, eventsOf } from '../../verdict/recording-queries.ts';
import type { CaseResult, RunResults } from '../results.ts';

/** What the report shows of a journey's evidence file. */
export interface EvidenceSummary {
  totalEvents: number;
  eventCounts: Record<string, number>;
  ingestRequests: number;
  /** Requests as the recorder wrote them down (not yet scrubbed: the renderer scrubs). */
  network: { method: string | undefined; url: string; status: number | undefined; shape: string }[];
}

/** One row of reports/matrix.json (the leak-vector matrix). */
export interface MatrixRow {
  vector: string;
  config: string;
  expected: 'caught' | 'clean';
  actual: 'caught' | 'clean';
  [more: string]: unknown;
}

export interface ReportInput {
  results: RunResults;
  /** Per case (same order as results.cases): what its evidence file holds, when it could be read. */
  evidence: (EvidenceSummary | undefined)[];
  matrix: MatrixRow[] | undefined;
  /** Every planted value of the run: scrubbed from everything the report prints. */
  canaries: Canary[];
}

function readJson<T>(file: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function summarizeEvidence(evidence: Evidence): EvidenceSummary {
  const events = eventsOf(evidence.recording.events);
  return {
    totalEvents: events.length,
    eventCounts: countByType(events),
    ingestRequests: evidence.recording.ingests.length,
    // Read into plain requests at capture time (evidence written before then has none).
    network: (evidence.recording.requests ?? []).map((r) => ({ method: r.method, url: r.url, status: r.status, shape: r.shape })),
  };
}

function evidenceOf(dir: string, c: CaseResult): { summary: EvidenceSummary; canaries: Canary[] } | undefined {
  const file = c.evidence?.evidence;
  const evidence = file ? readJson<Evidence>(join(dir, file)) : undefined;
  return evidence ? { summary: summarizeEvidence(evidence), canaries: evidence.canaries } : undefined;
}

/** Reads what the report renders: results.json, each journey's evidence, canaries.json, matrix.json. */
export function loadReportInput(dir: string): ReportInput {
  const results = readJson<RunResults>(join(dir, 'results.json'));
  if (!results) throw new Error(`no results.json in ${dir}`);
  const loaded = results.cases.map((c) => evidenceOf(dir, c));
  const canaries = [...(readJson<{ canaries: Canary[] }>(join(dir, 'canaries.json'))?.canaries ?? []), ...loaded.flatMap((l) => l?.canaries ?? [])];
  const matrix = readJson<{ rows?: MatrixRow[] }>(join(dir, 'matrix.json'))?.rows;
  return { results, evidence: loaded.map((l) => l?.summary), matrix: Array.isArray(matrix) ? matrix : undefined, canaries };
}
