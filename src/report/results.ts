import type { AuditStatus } from '../verdict/audit.ts';
import type { Finding } from '../detect/types.ts';

/** reports/results.json: the contract CI and other tools read. */
export interface CaseResult {
  id: string;
  journey: string;
  expected: string;
  project: string;
  status: AuditStatus;
  reasons: string[];
  durationMs: number;
  findings: Finding[];
  details: Record<string, unknown>;
  recording?: string;
}

export interface RunResults {
  seed: number;
  recorder: string;
  recorderConfig: string;
  startedAt: string;
  durationMs: number;
  cases: CaseResult[];
}
