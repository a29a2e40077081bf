import type { DriftResult } from '../contract/drift.ts';
import { type MatrixFile, type MatrixRow, cellCheckStatus, cellStatus } from '../contract/matrix.ts';
import type { CaseResult, ReportModel, RunResults } from '../contract/results.ts';

/** XML 1.0 text: the five entities escaped, characters XML cannot hold dropped. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

function testcase(c: CaseResult, scrub: (text: string) => string): string {
  const name = xmlEscape(`${c.journey} [${c.project}]: ${c.expected}`);
  const open = `    <testcase classname="maskproof.${xmlEscape(c.id)}" name="${name}" time="${seconds(c.durationMs)}">`;
  const reasons = c.reasons.map(scrub);
  const body: string[] = [];
  if (c.status === 'fail') {
    const first = reasons[0] ?? 'failed';
    body.push(`      <failure type="privacy" message="${xmlEscape(first)}">${xmlEscape(reasons.map((r) => `- ${r}`).join('\n'))}</failure>`);
  } else if (c.status === 'inapplicable') {
    // Unproven is not green: a CI test tab must show it red, not as a skip nobody reads.
    const first = `not proven: ${reasons[0] ?? 'the recorder cannot support this check'}`;
    body.push(`      <failure type="unproven" message="${xmlEscape(first)}">${xmlEscape(reasons.map((r) => `- ${r}`).join('\n'))}</failure>`);
  } else if (c.status === 'error') {
    // A harness error: JUnit's own word for "the test could not run", never a privacy failure.
    const first = reasons[0] ?? 'harness error';
    body.push(`      <error type="harness" message="${xmlEscape(first)}">${xmlEscape(reasons.map((r) => `- ${r}`).join('\n'))}</error>`);
  }
  const files = [c.evidence?.recording ?? c.recording, c.evidence?.evidence, ...(c.evidence?.visual ?? []).flatMap((v) => (v.images ? [v.images.live, v.images.replay, v.images.diff] : []))].filter(Boolean);
  if (files.length) body.push(`      <system-out>${xmlEscape(`evidence (relative to the report directory):\n${files.join('\n')}`)}</system-out>`);
  return body.length ? `${open}\n${body.join('\n')}\n    </testcase>` : `${open}</testcase>`;
}

type Scrub = (text: string) => string;

/** One <testsuite>: its attributes' counts, and its lines (properties and testcases). */
interface Suite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  durationMs: number;
  timestamp: string;
  body: string[];
}

function attrsOf(s: Pick<Suite, 'tests' | 'failures' | 'errors' | 'durationMs'>): string {
  return `tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="0" time="${seconds(s.durationMs)}"`;
}

/** The privacy audits: one testcase per row of the table. */
function privacySuite(results: RunResults, scrub: Scrub): Suite {
  const properties = [
    ['seed', String(results.seed)],
    ['recorder', results.recorder],
    ['recorderKind', results.recorderKind ?? ''],
    ['recorderConfig', results.recorderConfig],
    ['appUrl', results.appUrl ?? ''],
    ['browser', results.browser ?? ''],
  ]
    .filter(([, value]) => value)
    .map(([name, value]) => `      <property name="${xmlEscape(name!)}" value="${xmlEscape(scrub(value!))}"/>`);
  return {
    name: `maskproof privacy: ${results.recorder} (seed ${results.seed})`,
    tests: results.cases.length,
    failures: results.cases.filter((c) => c.status === 'fail' || c.status === 'inapplicable').length,
    errors: results.cases.filter((c) => c.status === 'error').length,
    durationMs: results.durationMs,
    timestamp: results.startedAt,
    body: [`    <properties>\n${properties.join('\n')}\n    </properties>`, ...results.cases.map((c) => testcase(c, scrub))],
  };
}

function matrixCase(row: MatrixRow, scrub: Scrub): string {
  const status = cellStatus(row);
  const open = `    <testcase classname="maskproof.vector.${xmlEscape(row.vector)}" name="${xmlEscape(`${row.number}. ${row.title} [${row.config}]: ${row.expected}`)}" time="${seconds(row.durationMs ?? 0)}">`;
  const check = cellCheckStatus(status);
  if (check === 'pass') return `${open}</testcase>`;
  const why = scrub(row.error ?? (status === 'MISSED' ? `MISSED: the ${row.role} config leaks this vector and no finding names ${row.title}'s path` : `FALSE ALARM: ${row.findings[0] ? `${row.findings[0].label} at ${row.findings[0].path}` : 'a leak was reported'}`));
  const tag = check === 'error' ? 'error type="harness"' : 'failure type="privacy"';
  return `${open}\n      <${tag} message="${xmlEscape(why)}">${xmlEscape(`- ${why}`)}</${tag.split(' ')[0]}>\n    </testcase>`;
}

/** The leak-vector matrix: one testcase per cell (vector × config). */
function matrixSuite(matrix: MatrixFile, scrub: Scrub): Suite {
  const statuses = matrix.rows.map((r) => cellCheckStatus(cellStatus(r)));
  return {
    name: `maskproof leak-vector matrix (seed ${matrix.seed})`,
    tests: matrix.rows.length,
    failures: statuses.filter((s) => s === 'fail').length,
    errors: statuses.filter((s) => s === 'error').length,
    durationMs: matrix.durationMs,
    timestamp: matrix.startedAt,
    body: matrix.rows.map((r) => matrixCase(r, scrub)),
  };
}

/** The drift audit: one testcase per route, failing on its new unprotected elements or a route problem. */
function driftSuite(drift: DriftResult, scrub: Scrub): Suite {
  const cases = drift.routes.map((route) => {
    const reasons = [
      ...drift.routeProblems.filter((p) => p.includes(route.route)),
      ...drift.elements.filter((e) => e.route === route.route && e.failing).map((e) => `${e.kind} ${e.selector}: unprotected (${e.why})${e.fix ? `: ${e.fix}` : ''}`),
    ].map(scrub);
    const open = `    <testcase classname="maskproof.drift" name="${xmlEscape(`${route.route} [${route.risk}]`)}" time="0.000">`;
    return { failed: reasons.length > 0, text: reasons.length === 0 ? `${open}</testcase>` : `${open}\n      <failure type="drift" message="${xmlEscape(reasons[0]!)}">${xmlEscape(reasons.map((r) => `- ${r}`).join('\n'))}</failure>\n    </testcase>` };
  });
  return {
    name: `maskproof drift audit: ${drift.recorder}`,
    tests: cases.length,
    failures: cases.filter((c) => c.failed).length,
    errors: 0,
    durationMs: drift.durationMs,
    timestamp: drift.startedAt,
    body: cases.map((c) => c.text),
  };
}

/**
 * reports/junit.xml for CI test tabs, for every kind of check the report directory holds: a testsuite per
 * kind. Privacy rows: failures carrying every reason, not-proven (inapplicable) rows as failures too,
 * harness errors as errors; matrix cells: MISSED and FALSE ALARM as failures, ERROR as errors; drift
 * routes: their new unprotected elements as failures. Reasons are already redacted; `scrub` removes any
 * planted value that slipped into one anyway.
 */
export function renderJunitReport(model: ReportModel, scrub: Scrub = (t) => t): string {
  const suites = [model.run && privacySuite(model.run, scrub), model.matrix && matrixSuite(model.matrix, scrub), model.drift && driftSuite(model.drift, scrub)].filter((s): s is Suite => Boolean(s));
  const total = { tests: 0, failures: 0, errors: 0, durationMs: 0 };
  for (const s of suites) {
    total.tests += s.tests;
    total.failures += s.failures;
    total.errors += s.errors;
    total.durationMs += s.durationMs;
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="maskproof" ${attrsOf(total)}>`,
    ...suites.flatMap((s) => [`  <testsuite name="${xmlEscape(s.name)}" ${attrsOf(s)} timestamp="${xmlEscape(s.timestamp)}">`, ...s.body, '  </testsuite>']),
    '</testsuites>',
    '',
  ].join('\n');
}

/** junit.xml of a privacy run alone (the form `maskproof run` writes when the directory holds nothing else). */
export function renderJunit(results: RunResults, scrub: Scrub = (t) => t): string {
  return renderJunitReport({ run: results }, scrub);
}
