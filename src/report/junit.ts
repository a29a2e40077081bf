import type { CaseResult, RunResults } from './results.ts';

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

/**
 * reports/junit.xml for CI test tabs: one testcase per row of the privacy table, failures carrying
 * every reason, not-proven (inapplicable) rows as failures too, harness errors as errors. Reasons are already redacted; `scrub` removes any
 * planted value that slipped into one anyway.
 */
export function renderJunit(results: RunResults, scrub: (text: string) => string = (t) => t): string {
  const failures = results.cases.filter((c) => c.status === 'fail' || c.status === 'inapplicable').length;
  const errors = results.cases.filter((c) => c.status === 'error').length;
  const total = seconds(results.durationMs);
  const attrs = `tests="${results.cases.length}" failures="${failures}" errors="${errors}" skipped="0" time="${total}"`;
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
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="maskproof" ${attrs}>`,
    `  <testsuite name="${xmlEscape(`maskproof privacy: ${results.recorder} (seed ${results.seed})`)}" ${attrs} timestamp="${xmlEscape(results.startedAt)}">`,
    `    <properties>\n${properties.join('\n')}\n    </properties>`,
    ...results.cases.map((c) => testcase(c, scrub)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
