import { describe, expect, it } from 'vitest';
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
