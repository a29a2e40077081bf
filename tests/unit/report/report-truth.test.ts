import { describe, expect, it } from 'vitest';
import { renderReport } from '../../../src/report/html/index.ts';
import { canariesOf, createSyntheticData, personCanaries } from '../../../src/data/synthetic-data.ts';
import { journeyCount, rowTitle } from '../../../src/report/html/render.ts';

const rows = [
  { journey: 'book an appointment', project: 'journeys', id: 'pii-form-submit' },
  { journey: 'book an appointment', project: 'journeys', id: 'route-risk' },
  { journey: 'send a secure message', project: 'journeys', id: 'route-risk' },
];

describe('the report counts and names what it shows', () => {
  it('counts journeys, not rows: one journey with two checks is one journey', () => {
    expect(journeyCount(rows)).toBe(2);
    expect(journeyCount([...rows, { journey: 'book an appointment', project: 'mobile' }])).toBe(3);
  });

  it('titles rows of the same journey by their check, and a lone row by its journey', () => {
    expect(rows.map((r) => rowTitle(r, rows))).toEqual(['book an appointment › pii-form-submit', 'book an appointment › route-risk', 'send a secure message']);
  });

  it('your app plants the person only: no demo-app token or admin-table users', () => {
    const data = createSyntheticData(7, 'scope');
    const own = personCanaries(data);
    expect(own.map((c) => c.label)).not.toContain('session › auth token');
    expect(own.some((c) => c.label?.startsWith('admin table'))).toBe(false);
    // The bundled demo app gets (and is checked for) all of it.
    expect(canariesOf(data).map((c) => c.label)).toEqual(expect.arrayContaining(['session › auth token', 'admin table › user 1 name']));
  });
});

describe('an interrupted run says so at the top of the report', () => {
  const results = {
    seed: 1,
    recorder: 'safe',
    recorderKind: 'rrweb' as const,
    recorderConfig: 'fixtures/recorders/safe.json',
    startedAt: '2026-12-03T10:00:00.000Z',
    durationMs: 1000,
    cases: [{ id: 'admin-route', journey: 'admin route', expected: 'no replay generated', project: 'desktop', status: 'pass' as const, reasons: [], durationMs: 900, findings: [], details: {} }],
  };
  it('interrupted: not a verdict, even with every finished row green', () => {
    const html = renderReport({ results: { ...results, interrupted: true }, evidence: [undefined], matrix: undefined, canaries: [] });
    expect(html).toContain('Interrupted: this run was stopped before every journey finished');
    expect(html).not.toContain('Session replay is masked');
  });
  it('a finished run with every row green is a pass', () => {
    const html = renderReport({ results, evidence: [undefined], matrix: undefined, canaries: [] });
    expect(html).toContain('Session replay is masked');
    expect(html).not.toContain('Interrupted');
  });
});
