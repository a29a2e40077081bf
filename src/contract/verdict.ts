import type { CaseId } from './cases.ts';
import type { Finding } from './findings.ts';

/**
 * pass / fail; inapplicable when the recorder cannot support the check (never silently green);
 * error when the harness could not complete the check (a page failed, a key moment could not be
 * made, a payload did not decode, an artifact the audit needs was missing): neither a pass nor a leak.
 * Every kind of check reports in these four words (a matrix cell and a drift route too).
 */
export type AuditStatus = 'pass' | 'fail' | 'inapplicable' | 'error';

export interface AuditOutcome {
  status: AuditStatus;
  /** Why it failed (or why it is inapplicable). One line each; values redacted. */
  reasons: string[];
  /** Leaks found, redacted. */
  findings: Finding[];
  /** What was measured, for the report: counts, ids, etc. */
  details: Record<string, unknown>;
}

export interface AuditResult extends AuditOutcome {
  id: CaseId;
  title: string;
  /** The options the journey ran the audit with, so it can be re-run on saved evidence. */
  options: unknown;
}
