import type { RecorderConfig } from '../config/recorder-config.ts';
import type { CapturedRecording, RecorderCapabilities, RecorderTraits } from '../contract/recording.ts';
import type { AllowList, Canary, Finding } from '../detect/types.ts';
import type { CaseId } from './cases.ts';
import { withRecordingChecks } from './recording-checks.ts';

/**
 * The audit model follows Lighthouse: gatherers collect artifacts, each audit is a small module that
 * declares what it checks and which artifacts it needs, and returns a verdict with details; reports
 * only render verdicts.
 */
export interface Artifacts {
  recording: CapturedRecording;
  canaries: Canary[];
  config: RecorderConfig;
  /** The recorder under test as plain data: its vendor descriptor's answers (src/recorder/vendors/traits.ts). */
  recorder: RecorderTraits;
  /** Values known to be safe (maskproof.config `allow`): not reported by the personal-data detectors. */
  allow?: AllowList;
  /**
   * What went wrong in the harness, not in the recorder: a journey page that answered HTTP >= 400 or
   * failed to load, a key moment that could not be made. Any makes the verdict "error" (unless a leak
   * was proven anyway): a journey that broke proves nothing either way.
   */
  harnessErrors?: string[];
}

export function capabilitiesOf(artifacts: Pick<Artifacts, 'recorder'>): RecorderCapabilities {
  return artifacts.recorder.capabilities;
}

export type ArtifactName = keyof Artifacts;

export type { AuditOutcome, AuditResult, AuditStatus } from '../contract/verdict.ts';
import type { AuditOutcome, AuditResult, AuditStatus } from '../contract/verdict.ts';

/**
 * One row's audit. Its case id is the key it is registered under (src/verdict/index.ts), over the ids of
 * the case table (src/contract/cases.ts): the id is written once, there.
 */
export interface PrivacyAudit<Options = Record<string, never>> {
  /** Shown when the audit passes. */
  title: string;
  /** Shown when it fails. */
  failureTitle: string;
  /**
   * The artifacts it reads. The runner checks them: an audit whose artifact was not gathered is not run,
   * and its verdict is a harness error naming what is missing (never a pass on nothing).
   */
  requiredArtifacts: readonly ArtifactName[];
  audit(artifacts: Artifacts, options: Options): AuditOutcome;
}

export function outcome(reasons: string[], findings: Finding[], details: Record<string, unknown>): AuditOutcome {
  return { status: reasons.length === 0 ? 'pass' : 'fail', reasons, findings, details };
}

/**
 * Like outcome(), with `gaps`: what the check could not establish because the recorder cannot do it
 * (no route blocking, no error recording). A failure stays a failure; with only gaps the verdict is
 * inapplicable, with the gaps as its reasons: never green.
 */
export function outcomeWithGaps(reasons: string[], gaps: string[], findings: Finding[], details: Record<string, unknown>): AuditOutcome {
  const status = reasons.length > 0 ? 'fail' : gaps.length > 0 ? 'inapplicable' : 'pass';
  // Gaps first: they say why the rest happened (e.g. admin routes recorded by a recorder that cannot block them).
  return { status, reasons: [...gaps, ...reasons], findings, details };
}

/** The title of a verdict that is neither a pass nor a leak. */
export const HARNESS_ERROR_TITLE = 'Harness error: this check could not be completed (not a privacy verdict)';

/** The verdict's title for its status: a harness error is never worded as a leak. */
export function titleFor(audit: Pick<PrivacyAudit<unknown>, 'title' | 'failureTitle'>, status: AuditStatus): string {
  return status === 'pass' ? audit.title : status === 'error' ? HARNESS_ERROR_TITLE : audit.failureTitle;
}

/** What each artifact is, for the message that says it is missing. */
const ARTIFACT_WHAT: Record<ArtifactName, string> = {
  recording: 'the captured recording',
  canaries: 'the planted values',
  config: 'the recorder config',
  recorder: "the recorder's traits and capabilities",
  allow: "the config's known-safe values",
  harnessErrors: "the harness's own errors",
};

/** The artifacts an audit declares and that were not gathered. */
export function missingArtifacts(audit: Pick<PrivacyAudit<unknown>, 'requiredArtifacts'>, artifacts: Partial<Artifacts>): ArtifactName[] {
  return audit.requiredArtifacts.filter((name) => artifacts[name] === undefined || artifacts[name] === null);
}

/**
 * Runs an audit and names the verdict with the right title. Every audit also gets the checks that
 * hold for any row (./recording-checks.ts): personal data nobody planted, payloads that did not
 * decode, harness errors. An audit missing an artifact it declares is not run: its verdict is "error"
 * (unproven), naming each missing artifact.
 */
export function runAudit<O>(id: CaseId, audit: PrivacyAudit<O>, artifacts: Artifacts, options: O): AuditResult {
  const missing = missingArtifacts(audit, artifacts);
  if (missing.length > 0) {
    const reasons = missing.map((name) => `harness error: the audit needs ${ARTIFACT_WHAT[name]} (artifact "${name}"), which was not gathered, so nothing was checked`);
    return { id, title: HARNESS_ERROR_TITLE, options, status: 'error', reasons, findings: [], details: { missingArtifacts: missing } };
  }
  const result = withRecordingChecks(audit.audit(artifacts, options), artifacts);
  return { id, title: titleFor(audit, result.status), options, ...result };
}
