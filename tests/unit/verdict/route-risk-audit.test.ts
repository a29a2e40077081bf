import { EventType, IncrementalSource, NodeType, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import type { CapturedRecording } from '../../../src/capture/recording-capture.ts';
import { parseRecorderConfig } from '../../../src/config/recorder-config.ts';
import { runAudit } from '../../../src/verdict/audit.ts';
import { type RiskRoute, routeRiskAudit } from '../../../src/verdict/audits/route-risk.ts';
import { recorderTraits } from '../../../src/recorder/vendors/traits.ts';

const routes: RiskRoute[] = [
  { path: '/book', risk: 'low', match: '^/book/?$' },
  { path: '/messages', risk: 'medium', match: '^/messages/?$' },
  { path: '/records', risk: 'high', match: '^/records/?$' },
];
const config = parseRecorderConfig({ recorder: 'rrweb' }, 'test');
const url = (path: string) => `http://127.0.0.1:4000${path}`;

/** A full snapshot of a page with one paragraph of text. */
function snapshot(text: string): eventWithTime {
  const p = { type: NodeType.Element, tagName: 'p', attributes: {}, childNodes: [{ type: NodeType.Text, textContent: text, id: 3 }], id: 2 };
  return { type: EventType.FullSnapshot, timestamp: 1, data: { node: { type: NodeType.Document, childNodes: [p], id: 1 }, initialOffset: { top: 0, left: 0 } } } as unknown as eventWithTime;
}
const input = (text: string) => ({ type: EventType.IncrementalSnapshot, timestamp: 2, data: { source: IncrementalSource.Input, id: 5, text, isChecked: false } }) as unknown as eventWithTime;

function recording(pages: { path: string; events: eventWithTime[] }[]): CapturedRecording {
  return {
    events: pages.flatMap(({ path, events }) => events.map((event) => ({ event, pageUrl: url(path), ingest: 0 }))),
    ingests: [],
    malformedPayloads: [],
    requests: [],
    errors: [],
    pageRequests: pages.map(({ path }) => ({ method: 'GET', url: url(path), resourceType: 'document', pageUrl: url(path) })),
  };
}
const audit = (rec: CapturedRecording, canaries = [] as { kind: string; value: string }[]) => runAudit('route-risk', routeRiskAudit, { recording: rec, canaries, config, recorder: recorderTraits(config) }, { routes, allowValues: ['Riverside Clinic'] });

describe('route risk audit', () => {
  it('passes when medium routes record only masked text and input, and low routes only masked input', () => {
    const result = audit(recording([{ path: '/messages', events: [snapshot('****** *****'), input('*****')] }, { path: '/book', events: [snapshot('Book an appointment'), input('****')] }]));
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
  });

  it('fails on unmasked text on a medium route', () => {
    const result = audit(recording([{ path: '/messages', events: [snapshot('Your results are ready')] }]));
    expect(result.status).toBe('fail');
    expect(result.reasons[0]).toMatch(/\/messages \(medium risk: all text and inputs masked\): 1 text nodes recorded unmasked/);
  });

  it('counts allowed values as safe text', () => {
    expect(audit(recording([{ path: '/messages', events: [snapshot('Riverside Clinic')] }])).status).toBe('pass');
  });

  it('fails on unmasked input on a low route', () => {
    const result = audit(recording([{ path: '/book', events: [snapshot('Book'), input('Jane Doe')] }]));
    expect(result.reasons[0]).toMatch(/\/book \(low risk: inputs masked\): 1 input events carry unmasked input/);
  });

  it('fails when a high route was recorded, and passes when it was not (with events elsewhere)', () => {
    expect(audit(recording([{ path: '/book', events: [snapshot('Book')] }, { path: '/records', events: [snapshot('****')] }])).reasons[0]).toMatch(/\/records \(high risk: must produce no replay\): 1 events/);
    expect(audit(recording([{ path: '/book', events: [snapshot('Book')] }, { path: '/records', events: [] }])).status).toBe('pass');
  });

  it('cannot pass on silence: no route visited, or nothing recorded outside the high routes', () => {
    expect(audit(recording([{ path: '/elsewhere', events: [snapshot('x')] }])).reasons[0]).toMatch(/visited none of the configured routes/);
    expect(audit(recording([{ path: '/records', events: [] }])).reasons).toEqual([expect.stringMatching(/blocking cannot be told apart from a broken recorder/)]);
  });

  it('fails on a planted value anywhere, redacted', () => {
    const result = audit(recording([{ path: '/book', events: [snapshot('Booked for Jane Quixote')] }]), [{ kind: 'person.fullName', value: 'Jane Quixote' }]);
    expect(result.status).toBe('fail');
    expect(result.reasons.join('\n')).not.toContain('Jane Quixote');
  });
});
