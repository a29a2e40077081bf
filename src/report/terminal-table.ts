import type { CaseResult } from './results.ts';

const STATUS = { pass: 'PASS', fail: 'FAIL', inapplicable: 'N/A', error: 'ERROR' } as const;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** The test-case table as QA reads it: journey | recorder | expected | pass/fail | reason. */
export function renderTable(cases: CaseResult[], width = 150, maxReasons = 3): string {
  const journeyWidth = Math.max(7, ...cases.map((c) => c.journey.length + c.project.length + 3));
  const recorderWidth = Math.max(8, ...cases.map((c) => (c.recorder ?? '').length));
  const expectedWidth = 44;
  const reasonWidth = Math.max(30, width - journeyWidth - recorderWidth - expectedWidth - 17);
  const rows: string[] = [];
  const line = (a: string, r: string, b: string, c: string, d: string) =>
    `${a.padEnd(journeyWidth)} │ ${r.padEnd(recorderWidth)} │ ${b.padEnd(expectedWidth)} │ ${c.padEnd(9)} │ ${d}`.trimEnd();
  rows.push(line("journey", "recorder", "expected result", "pass/fail", "reason"));
  rows.push(`${'─'.repeat(journeyWidth)}─┼─${'─'.repeat(recorderWidth)}─┼─${'─'.repeat(expectedWidth)}─┼───────────┼─${'─'.repeat(reasonWidth)}`);
  for (const c of cases) {
    const expected = wrap(c.expected, expectedWidth);
    // The terminal shows the first few reasons; results.json and the HTML report keep them all.
    const shown = c.reasons.slice(0, maxReasons);
    if (c.reasons.length > maxReasons) shown.push(`(+${c.reasons.length - maxReasons} more in results.json)`);
    const reasons = shown.length ? shown.flatMap((r) => wrap(`• ${r}`, reasonWidth)) : ['—'];
    const height = Math.max(expected.length, reasons.length);
    for (let i = 0; i < height; i++) {
      rows.push(line(i === 0 ? `${c.journey} [${c.project}]` : '', i === 0 ? (c.recorder ?? '') : '', expected[i] ?? '', i === 0 ? STATUS[c.status] : '', reasons[i] ?? ''));
    }
  }
  return rows.join('\n');
}
