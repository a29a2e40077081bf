import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../../src/report/results.ts';
import { renderTable } from '../../../src/report/terminal-table.ts';

const row = (recorder: string | undefined, status: CaseResult['status']): CaseResult => ({
  id: 'admin-route',
  journey: 'admin route',
  expected: 'no replay generated',
  project: 'desktop',
  status,
  reasons: status === 'pass' ? [] : ['Sentry Replay has no option to leave routes unrecorded'],
  durationMs: 1,
  findings: [],
  details: {},
  recorder,
});

describe('results table', () => {
  it('has a recorder column naming rrweb, Sentry or PostHog', () => {
    const table = renderTable([row('Sentry', 'inapplicable'), row('rrweb', 'pass')]).split('\n');
    expect(table[0]).toMatch(/^journey\s+│ recorder │ expected result/);
    expect(table.find((line) => line.includes('N/A'))).toMatch(/│ Sentry\s+│ .*│ N\/A\s+│ • Sentry Replay has no option/);
    expect(table.find((line) => line.includes('PASS'))).toMatch(/│ rrweb\s+│/);
  });
});
