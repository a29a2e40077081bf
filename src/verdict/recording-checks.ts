import type { eventWithTime } from '@rrweb/types';
import { scanEvents } from '../detect/index.ts';
import type { Finding } from '../detect/types.ts';
import type { Artifacts, AuditOutcome, AuditStatus } from './audit.ts';
import { reasonsPerValue, scannableEvents } from './leaks.ts';

/**
 * Personal data and secrets in the recording that no journey planted: what the pattern detectors
 * (email, card, phone, SSN, IBAN, JWT, bearer token, API keys) find outside the canaries, less the
 * config's allow list. On a user's app this is the staging database's own data, or the server's
 * own tokens: a green row must not hide them.
 */
export function unplantedFindings(events: readonly eventWithTime[], artifacts: Pick<Artifacts, 'canaries' | 'allow'>): Finding[] {
  // Canaries are scanned too, so a planted value is reported once, as planted, by the audit itself.
  return scanEvents([...events], { canaries: [...artifacts.canaries], allow: artifacts.allow, patterns: true }).filter((f) => f.detector !== 'canary');
}

/** One reason line per unplanted value (grouped by value), redacted, with where it was first found. */
export function unplantedReasons(findings: readonly Finding[], events: readonly eventWithTime[]): string[] {
  return reasonsPerValue(findings, events, (f) => `${f.detector}|${f.sha256}`, (first, where, more) => {
    const kind = first.kind === first.detector ? first.detector : `${first.detector} (${first.kind})`;
    return `unplanted ${kind} found in ${where}: ${first.redacted}${more} (not planted by the journey; add it to allow.values in maskproof.config if it is known safe)`;
  });
}

/** Why a payload that reached the ingest could not be read: what it held is unknown, so nothing is proven. */
function malformedReasons(artifacts: Artifacts): string[] {
  return (artifacts.recording.malformedPayloads ?? []).map((m) => `harness error: a recorder payload could not be decoded, so what it carried was not checked: ${m.why}`);
}

/**
 * A proven leak (a value found in the recording) fails the row whatever else happened. With a harness
 * error and nothing found, the audit's own complaints (a field missing from the recording of an error
 * page) are consequences of the fault, not of the recorder: the row is "error".
 */
function statusOf(found: { leaks: boolean; errors: boolean }, result: AuditOutcome): AuditStatus {
  if (found.leaks || (result.status === 'fail' && (!found.errors || result.findings.length > 0))) return 'fail';
  if (result.status === 'error' || found.errors) return 'error';
  return result.status;
}

/**
 * The checks every row gets on top of its own audit. A proven leak fails the row whatever else
 * happened; otherwise a harness error (a failed page, an undecodable payload) makes it "error":
 * never a pass, and never worded as a leak.
 */
export function withRecordingChecks(result: AuditOutcome, artifacts: Artifacts): AuditOutcome {
  const events = scannableEvents(artifacts.recording);
  const unplanted = unplantedFindings(events, artifacts);
  const leakReasons = unplantedReasons(unplanted, events);
  const errorReasons = [...(artifacts.harnessErrors ?? []).map((e) => (e.startsWith('harness error') ? e : `harness error: ${e}`)), ...malformedReasons(artifacts)];
  const status = statusOf({ leaks: leakReasons.length > 0, errors: errorReasons.length > 0 }, result);
  if (leakReasons.length === 0 && errorReasons.length === 0) return result;
  // Harness errors first: they say why the rest may be incomplete.
  return {
    status,
    reasons: [...errorReasons, ...result.reasons, ...leakReasons],
    findings: [...result.findings, ...unplanted],
    details: { ...result.details, ...(unplanted.length ? { unplantedFindings: unplanted.length } : {}), ...(errorReasons.length ? { harnessErrors: errorReasons.length } : {}) },
  };
}
