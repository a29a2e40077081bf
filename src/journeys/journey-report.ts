import type { TestCase, TestResult } from '@playwright/test/reporter';
import { ATTACHMENT_EVIDENCE, ATTACHMENT_VERDICT } from '../contract/names.ts';
import type { EvidencePaths } from '../contract/evidence.ts';
import type { CaseResult } from '../contract/results.ts';
import type { AuditResult } from '../verdict/audit.ts';
import { isCaseId, privacyCase } from '../verdict/cases.ts';

export { ANNOTATION_JOURNEY } from '../contract/names.ts';

function attachmentsJson<T>(result: TestResult, name: string): T[] {
  return result.attachments.filter((a) => a.name === name && a.body).map((a) => JSON.parse(a.body!.toString('utf8')) as T);
}

/**
 * The report rows of one declarative journey: one per `expect` step, named after the journey, with
 * the expected result of the table row it checks. A journey that broke before its first `expect`
 * is one error row with the cause as its reason: never silently green.
 */
export function journeyCaseResults(test: TestCase, result: TestResult, recorder: string | undefined, errorReason: string | undefined): CaseResult[] {
  const project = test.parent.project()?.name ?? '';
  const paths = attachmentsJson<EvidencePaths>(result, ATTACHMENT_EVIDENCE)[0];
  const evidence = paths ? { recording: paths.recording, evidence: paths.evidence, visual: paths.visual } : undefined;
  const verdicts = attachmentsJson<AuditResult>(result, ATTACHMENT_VERDICT);
  const base = { journey: test.title, project, durationMs: result.duration, recording: paths?.recording, recorder, evidence };
  const rows: CaseResult[] = verdicts.map((verdict) => ({
    ...base,
    id: verdict.id,
    expected: isCaseId(verdict.id) ? privacyCase(verdict.id).expected : verdict.id,
    status: verdict.status,
    title: verdict.title,
    reasons: verdict.reasons,
    findings: verdict.findings,
    details: verdict.details,
  }));
  // Steps after the last verdict can still fail (a waitFor that never came true).
  const crashed = result.status !== 'passed' && verdicts.every((v) => v.status === 'pass');
  if (crashed) {
    // The harness could not finish the journey: not a privacy verdict either way.
    rows.push({ ...base, id: 'journey', expected: 'every step of the journey completes', status: 'error', reasons: [`harness error: journey did not complete: ${errorReason ?? result.status}`], findings: [], details: {} });
  }
  return rows;
}
