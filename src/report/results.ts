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
  /** The recorder the journey ran with, as reports name it: rrweb, Sentry or PostHog. */
  recorder?: string;
}

export interface RunResults {
  seed: number;
  /** Name of the recorder config (e.g. "safe", "sentry-default"). */
  recorder: string;
  /** Which recorder it drives: rrweb, sentry or posthog. */
  recorderKind?: 'rrweb' | 'sentry' | 'posthog';
  recorderConfig: string;
  startedAt: string;
  durationMs: number;
  cases: CaseResult[];
}
