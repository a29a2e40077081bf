import { join, relative } from 'node:path';
import type { FullConfig, FullResult, Reporter, Suite, TestCase, TestError, TestResult } from '@playwright/test/reporter';
import { BROWSER_SOURCE_LABELS, resolveBrowser } from '../browser/resolve-browser.ts';
import { DEFAULT_RECORDER_CONFIG } from '../package-root.ts';
import { ownAppFromEnv } from '../config/own-app-env.ts';
import { isCaseId, privacyCase } from '../contract/cases.ts';
import type { EvidencePaths } from '../contract/evidence.ts';
import type { Canary } from '../contract/findings.ts';
import { ANNOTATION_BROWSER_CRASHED, ANNOTATION_CASE, ANNOTATION_JOURNEY, ANNOTATION_VARIANT, ATTACHMENT_CANARIES, ATTACHMENT_EVIDENCE, ATTACHMENT_RECORDING, ATTACHMENT_VERDICT, RESULTS_FILE } from '../contract/names.ts';
import type { CaseResult, PrivacySetting, RunResults } from '../contract/results.ts';
import type { AuditResult, AuditStatus } from '../contract/verdict.ts';
import { journeyCaseResults } from '../journeys/journey-report.ts';
import { renderTerminal, writeReports } from '../report/formats.ts';
import { createScrubber } from '../report/html/scrub.ts';
import { orderCases } from '../report/order.ts';
import { reportDir } from '../report/paths.ts';
import { type RecorderProfile, recorderProfile } from './recorder-profile.ts';

function attachmentJson<T>(result: TestResult, name: string): T | undefined {
  const attachment = result.attachments.find((a) => a.name === name && a.body);
  return attachment?.body ? (JSON.parse(attachment.body.toString('utf8')) as T) : undefined;
}

/** First line of the first error, without ANSI colours: why a test failed outside its audit. */
function errorReason(result: Pick<TestResult, 'errors'>): string | undefined {
  const error = result.errors[0];
  const text = (error?.message ?? error?.value ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return text.split('\n').find((line) => line.trim())?.trim();
}

const markOf = (status: AuditStatus) => (status === 'pass' ? '✓' : status === 'fail' ? '✗' : status === 'error' ? '!' : '○');

/**
 * A row's status from its verdict and its test's outcome. A journey that crashed before its audit,
 * or whose test failed after a passing verdict, or that passed without any verdict, is a harness
 * error with the cause as its reason: never silently green, and never worded as a leak.
 */
export function rowStatus(verdict: AuditResult | undefined, result: Pick<TestResult, 'status' | 'errors'>): { status: AuditStatus; reasons: string[] } {
  if (verdict && (verdict.status !== 'pass' || result.status === 'passed')) return { status: verdict.status, reasons: verdict.reasons };
  if (verdict) return { status: 'error', reasons: [`harness error: the journey failed after its audit passed: ${errorReason(result) ?? result.status}`] };
  if (result.status === 'passed') return { status: 'error', reasons: ['harness error: the journey finished without running its privacy audit, so nothing was checked'] };
  return { status: 'error', reasons: [`harness error: journey did not complete: ${errorReason(result) ?? result.status}`] };
}

/**
 * Turns Playwright's test results into the privacy results: reports/results.json, reports/canaries.json,
 * a progress line per journey and the test-case table in the terminal.
 */
export default class ResultsReporter implements Reporter {
  private readonly cases: CaseResult[] = [];
  private readonly canaries = new Map<string, Canary>();
  private readonly started = Date.now();
  private recorderName = '';
  private recorderSource = '';
  private recorder: RecorderProfile | undefined;
  private recorderSettings: PrivacySetting[] | undefined;
  private appUrl: string | undefined;
  private browser: string | undefined;
  private browserSource: string | undefined;
  /** A journey's browser crashed or was killed under it. */
  private browserCrashed = false;
  /** Errors outside any test: the webServer that exited or timed out, a config error. */
  private readonly errors: string[] = [];
  /** The app server's output (stdout and stderr without a test), its last lines. */
  private readonly serverOutput: string[] = [];

  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: FullConfig, suite: Suite): void {
    const source = process.env.MASKPROOF_RECORDER || DEFAULT_RECORDER_CONFIG;
    this.recorderSource = source;
    try {
      const config = recorderProfile(source);
      this.recorder = config;
      this.recorderName = config.name;
      this.recorderSettings = config.settings;
      // Observe mode: the app's own recorder; its settings are in the app's code, not known here.
      const observed = ownAppFromEnv()?.recorder.observe;
      if (observed) {
        this.recorderName = `${config.name} (observed, settings unknown)`;
        this.recorderSettings = [
          { label: 'Settings', value: `observed, settings unknown: the app's own recorder, read from what it sent to ${observed.ingest?.url ?? `${observed.observe}'s ingest`}; every check relies on what was recorded` },
        ];
      }
    } catch {
      this.recorderName = source;
    }
    try {
      this.browserSource = BROWSER_SOURCE_LABELS[resolveBrowser().source];
    } catch {
      this.browserSource = undefined;
    }
    const count = suite.allTests().length;
    const kind = this.recorder ? `${this.recorder.shortName} ` : '';
    console.log(`maskproof: ${count} journeys · recorder ${kind}${this.recorderName} (${source}) · seed ${process.env.MASKPROOF_SEED} (reproduce with --seed ${process.env.MASKPROOF_SEED})`);
  }

  onError(error: TestError): void {
    const text = (error.message ?? error.value ?? '').replace(/\u001b\[[0-9;]*m/g, '');
    const line = text.split('\n').find((l) => l.trim())?.trim();
    if (line) this.errors.push(line);
  }

  onStdOut(chunk: string | Buffer, test?: TestCase): void {
    if (!test) this.keepServerOutput(chunk);
  }

  onStdErr(chunk: string | Buffer, test?: TestCase): void {
    if (!test) this.keepServerOutput(chunk);
  }

  private keepServerOutput(chunk: string | Buffer): void {
    for (const line of chunk.toString().replace(/\u001b\[[0-9;]*m/g, '').split('\n')) if (line.trim()) this.serverOutput.push(line.trimEnd());
    this.serverOutput.splice(0, Math.max(0, this.serverOutput.length - 20));
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const id = test.annotations.find((a) => a.type === ANNOTATION_CASE)?.description;
    const project = test.parent.project()?.name ?? '';
    const seconds = (result.duration / 1000).toFixed(1);
    if (result.status === 'skipped') {
      console.log(`  -  ${test.title} [${project}] skipped`);
      return;
    }
    // A journey cut short by SIGINT/SIGTERM proves nothing either way: no row, and the run says it was interrupted.
    if (result.status === 'interrupted') {
      console.log(`  -  ${test.title} [${project}] interrupted`);
      return;
    }
    for (const canary of attachmentJson<Canary[]>(result, ATTACHMENT_CANARIES) ?? []) this.canaries.set(`${canary.kind}:${canary.value}`, canary);
    // The app and browser, from any journey that got as far as its evidence (declarative ones included).
    const paths = attachmentJson<EvidencePaths>(result, ATTACHMENT_EVIDENCE);
    this.appUrl ??= paths?.appUrl;
    this.browser ??= paths?.browserVersion ? `Chromium ${paths.browserVersion}` : undefined;
    // Chromium died under this journey: a row without its verdict is the browser's fault, said as such.
    const crashed = test.annotations.some((a) => a.type === ANNOTATION_BROWSER_CRASHED) || result.annotations.some((a) => a.type === ANNOTATION_BROWSER_CRASHED);
    if (crashed) this.browserCrashed = true;
    const crashReason = (status: AuditStatus, reasons: string[]) => (crashed && status === 'error' ? [`harness error: the browser crashed or was killed while this journey ran (${errorReason(result) ?? result.status})`] : reasons);
    // Declarative journeys (maskproof.config): one row per `expect` step, named after the journey.
    if (test.annotations.some((a) => a.type === ANNOTATION_JOURNEY)) {
      for (const row of journeyCaseResults(test, result, this.recorder?.shortName, errorReason(result))) {
        row.reasons = crashReason(row.status, row.reasons);
        this.cases.push(row);
        console.log(`  ${markOf(row.status)}  ${row.journey} › ${row.id} [${project}] ${row.status.toUpperCase()} ${seconds}s`);
      }
      return;
    }
    if (!id || !isCaseId(id)) {
      console.log(`  ${result.status === 'passed' ? '✓' : '✗'}  ${test.title} [${project}] ${seconds}s (not a table row)`);
      return;
    }
    const row = privacyCase(id);
    // A row checked by two tests (sampling at rate 0 and at 1.0) names which one each line is.
    const variant = test.annotations.find((a) => a.type === ANNOTATION_VARIANT)?.description;
    const journey = variant ? `${row.journey} (${variant})` : row.journey;
    const verdict = attachmentJson<AuditResult>(result, ATTACHMENT_VERDICT);
    const recording = result.attachments.find((a) => a.name === ATTACHMENT_RECORDING)?.path;
    const { status, reasons: audited } = rowStatus(verdict, result);
    const reasons = crashReason(status, audited);
    this.cases.push({
      id,
      journey,
      expected: row.expected,
      project,
      status,
      title: verdict?.title,
      reasons,
      durationMs: result.duration,
      findings: verdict?.findings ?? [],
      details: verdict?.details ?? {},
      // The copy under <report>/recordings outlives test-results/, which the next run wipes.
      recording: paths?.recording ?? (recording ? relative(reportDir(), recording) : undefined),
      recorder: this.recorder?.shortName,
      evidence: paths ? { recording: paths.recording, evidence: paths.evidence, visual: paths.visual } : undefined,
    });
    const mark = markOf(status);
    console.log(`  ${mark}  ${journey} [${project}] ${status.toUpperCase()} ${seconds}s`);
  }

  onEnd(result: FullResult): void {
    // Reasons are written redacted by the audits; a planted value that slipped into one is redacted here,
    // before the terminal, results.json, junit.xml or index.html can show it.
    const scrub = createScrubber([...this.canaries.values()]);
    for (const c of this.cases) {
      c.reasons = c.reasons.map(scrub);
      if (c.evidence) {
        const visual = c.evidence.visual.map((p) => ({ ...p, path: scrub(p.path), reasons: p.reasons.map(scrub), boxes: p.boxes.map((b) => ({ ...b, label: scrub(b.label) })), notInReplay: p.notInReplay?.map(scrub) }));
        c.evidence = { ...c.evidence, visual };
      }
    }
    orderCases(this.cases);
    const results: RunResults = {
      seed: Number(process.env.MASKPROOF_SEED),
      recorder: this.recorderName,
      recorderKind: this.recorder?.kind,
      recorderLabel: this.recorder?.label,
      recorderConfig: this.recorderSource,
      startedAt: new Date(this.started).toISOString(),
      durationMs: Date.now() - this.started,
      cases: this.cases,
      appUrl: this.appUrl,
      browser: this.browser,
      browserSource: this.browserSource,
      recorderSettings: this.recorderSettings,
      ...(result.status === 'interrupted' ? { interrupted: true } : {}),
      ...(this.browserCrashed ? { browserCrashed: true } : {}),
      ...(this.errors.length > 0 ? { errors: this.errors.map(scrub), serverOutput: this.serverOutput.map(scrub) } : {}),
    };
    const dir = reportDir();
    // Every format from the one result model: results.json (canaries.json first) and then junit.xml and index.html.
    const reports = writeReports(dir, { run: results }, { canaries: [...this.canaries.values()], scrub });
    for (const error of reports.errors) console.log(`maskproof: could not write the HTML/JUnit report: ${error.message}`);
    const written = reports.errors.length === 0 ? reports.files.html : undefined;
    console.log('');
    // Playwright stopped before any journey (the webServer failed): the CLI says why; an empty table says nothing.
    if (this.cases.length > 0 || this.errors.length === 0) console.log(renderTerminal({ run: results }));
    const failed = this.cases.filter((c) => c.status !== 'pass' && c.status !== 'error').length;
    const errored = this.cases.filter((c) => c.status === 'error').length;
    console.log('');
    console.log(
      `${this.cases.length - failed - errored} passed, ${failed} failed${errored ? `, ${errored} harness errors` : ''} · ${(results.durationMs / 1000).toFixed(1)}s · run status ${result.status} · results in ${relative(process.cwd(), join(dir, RESULTS_FILE)) || RESULTS_FILE}`,
    );
    if (written) console.log(`report: ${relative(process.cwd(), written) || written} (open it in a browser) · junit.xml beside it`);
  }
}
