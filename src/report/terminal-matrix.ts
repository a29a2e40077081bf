import { type CellStatus, type MatrixRow, type MatrixSummary, cellStatus } from '../contract/matrix.ts';

const MARK: Record<CellStatus, string> = { caught: '✓', clean: '✓', MISSED: '✗', 'FALSE ALARM': '✗', ERROR: '✗' };

function cell(row: MatrixRow | undefined): string {
  if (!row) return '—';
  const status = cellStatus(row);
  const limitation = row.limitation && row.role === 'safe' ? ' (recorder limitation)' : '';
  return `${MARK[status]} ${status}${limitation} · ${row.config}`;
}

/** Where the first finding at the vector's path is (the proof of a caught cell), or why a cell failed. */
function proof(row: MatrixRow | undefined): string {
  if (!row) return '';
  if (row.error) return `error: ${row.error}`;
  const first = row.findings[0];
  return first ? `${first.label}${first.redacted ? ` ${first.redacted}` : ''} at ${first.path}` : '';
}

/** The matrix for the terminal: vector × (safe, leaky) → caught / clean / MISSED / FALSE ALARM, and limitations. */
export function renderMatrixTable(rows: readonly MatrixRow[], summary: MatrixSummary): string {
  const numbers = [...new Set(rows.map((r) => r.number))].sort((a, b) => a - b);
  const titleWidth = Math.max(6, ...rows.map((r) => `${r.number}. ${r.title}`.length));
  const byRole = (n: number, role: 'safe' | 'leaky') => rows.find((r) => r.number === n && r.role === role);
  const safeWidth = Math.max(11, ...numbers.map((n) => cell(byRole(n, 'safe')).length));
  const leakyWidth = Math.max(12, ...numbers.map((n) => cell(byRole(n, 'leaky')).length));
  const line = (a: string, b: string, c: string, d: string) => `${a.padEnd(titleWidth)} │ ${b.padEnd(safeWidth)} │ ${c.padEnd(leakyWidth)} │ ${d}`.trimEnd();
  const out = [line('vector', 'safe config', 'leaky config', 'leaky finding (redacted) at its JSON path')];
  out.push(`${'─'.repeat(titleWidth)}─┼─${'─'.repeat(safeWidth)}─┼─${'─'.repeat(leakyWidth)}─┼─${'─'.repeat(40)}`);
  for (const n of numbers) {
    const safe = byRole(n, 'safe');
    const leaky = byRole(n, 'leaky');
    const title = `${n}. ${(safe ?? leaky)!.title}`;
    out.push(line(title, cell(safe), cell(leaky), proof(leaky)));
    for (const row of [safe, leaky]) {
      if (row && cellStatus(row) !== 'caught' && cellStatus(row) !== 'clean') out.push(line('', `  ${row.role}: ${proof(row) || 'nothing found'}`, '', ''));
    }
  }
  const notes = rows.filter((r) => r.note);
  if (notes.length > 0) {
    out.push('');
    out.push('Notes on the safe configs:');
    for (const row of notes) out.push(`  ${row.number}. ${row.title}: ${row.note}`);
  }
  const limited = rows.filter((r) => r.limitation && r.role === 'safe');
  if (limited.length > 0) {
    out.push('');
    out.push('Recorder limitations (no rrweb config protects these; the harness catches them under every config):');
    for (const row of limited) out.push(`  ${row.number}. ${row.title}: ${row.limitation}`);
  }
  out.push('');
  out.push(
    `${summary.vectors} vectors · ${summary.rows} cells: ${summary.caught} caught, ${summary.clean} clean, ${summary.missed} MISSED, ${summary.falseAlarms} FALSE ALARM${summary.errors ? `, ${summary.errors} ERROR` : ''} · ${summary.limitations} recorder limitation${summary.limitations === 1 ? '' : 's'}`,
  );
  return out.join('\n');
}
