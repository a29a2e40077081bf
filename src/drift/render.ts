import type { ClassifiedElement, ProtectionStatus, RouteInventory } from './types.ts';

const STATUSES: ProtectionStatus[] = ['blocked', 'masked', 'allowed', 'unprotected'];

/** One block per route: its counts by status, then each violation with the selector to add. */
export function renderDrift(inventories: readonly RouteInventory[], classified: readonly ClassifiedElement[], failing: ReadonlySet<ClassifiedElement>, routeProblems: readonly string[], againstBaseline: boolean): string {
  const lines: string[] = [];
  const width = Math.max(...inventories.map((i) => i.route.length), 5);
  lines.push(`${'route'.padEnd(width)}  risk    ${STATUSES.map((s) => s.padStart(11)).join(' ')}`);
  for (const inventory of inventories) {
    const mine = classified.filter((e) => e.route === inventory.route);
    const counts = STATUSES.map((s) => String(mine.filter((e) => e.status === s).length).padStart(11)).join(' ');
    lines.push(`${inventory.route.padEnd(width)}  ${inventory.risk.padEnd(6)}  ${counts}`);
  }
  const violations = classified.filter((e) => e.violation);
  if (routeProblems.length > 0 || violations.length > 0) lines.push('');
  for (const problem of routeProblems) lines.push(`  ✗ ${problem}`);
  for (const e of violations) {
    const mark = !failing.has(e) ? '· known (in baseline)' : againstBaseline ? '✗ NEW' : '✗';
    lines.push(`  ${mark} ${e.route} ${e.kind} ${e.selector}: unprotected (${e.why})`);
    if (failing.has(e) && e.fix) lines.push(`      → ${e.fix}`);
  }
  return lines.join('\n');
}
