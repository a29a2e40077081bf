import type { DriftResult, ProtectionStatus } from '../contract/drift.ts';

const STATUSES: ProtectionStatus[] = ['blocked', 'masked', 'allowed', 'unprotected'];

/**
 * The drift audit for the terminal: one line per route with its counts by status, then each violation with
 * the selector to add, then the totals (and, for a partial audit, how many routes ran).
 */
export function renderDrift(result: DriftResult): string {
  const lines: string[] = [];
  const againstBaseline = result.baseline !== undefined;
  const width = Math.max(...result.routes.map((r) => r.route.length), 5);
  lines.push(`${'route'.padEnd(width)}  risk    ${STATUSES.map((s) => s.padStart(11)).join(' ')}`);
  for (const route of result.routes) {
    const mine = result.elements.filter((e) => e.route === route.route);
    const counts = STATUSES.map((s) => String(mine.filter((e) => e.status === s).length).padStart(11)).join(' ');
    lines.push(`${route.route.padEnd(width)}  ${route.risk.padEnd(6)}  ${counts}`);
  }
  const violations = result.elements.filter((e) => e.violation);
  if (result.routeProblems.length > 0 || violations.length > 0) lines.push('');
  for (const problem of result.routeProblems) lines.push(`  ✗ ${problem}`);
  for (const e of violations) {
    const mark = !e.failing ? '· known (in baseline)' : againstBaseline ? '✗ NEW' : '✗';
    lines.push(`  ${mark} ${e.route} ${e.kind} ${e.selector}: unprotected (${e.why})`);
    if (e.failing && e.fix) lines.push(`      → ${e.fix}`);
  }
  const failing = result.elements.filter((e) => e.failing).length;
  const unprotected = result.elements.filter((e) => e.status === 'unprotected').length;
  lines.push('');
  lines.push(`${result.elements.length} elements on ${result.routes.length} routes · ${unprotected} unprotected · ${failing} failing${againstBaseline ? ' (new since the baseline)' : ''}`);
  if (result.partial) lines.push(`partial audit: ${result.partial.audited} of ${result.partial.configured} routes (Playwright arguments were given)`);
  return lines.join('\n');
}
