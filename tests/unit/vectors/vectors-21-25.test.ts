import { describe, expect, it } from 'vitest';
import { type ConfigRole, type VectorId } from '../../../src/vectors/catalog.ts';
import { judgeRecording } from '../../../src/vectors/judge.ts';
import { vectorCanaries } from '../../../src/vectors/planted.ts';
import { sentEvents } from '../../../src/vectors/recorded-events.ts';
import { recordedCell } from './cells.ts';

const verdictOf = (vector: VectorId, role: ConfigRole) => {
  const cell = recordedCell(vector, role);
  return judgeRecording(cell.definition, role, cell.recording, vectorCanaries(vector, cell.planted));
};
const at = (id: VectorId, role: ConfigRole) => verdictOf(id, role).findings.map((f) => `${f.label.split(' › ')[1]} @ ${f.path.replace(/(\.childNodes\[\d+\])+/g, '')}${f.encoding && f.encoding !== 'plain' ? ` (${f.encoding})` : ''}`);

describe('vectors 21-25 re-derived from a real matrix run (seed 7)', () => {
  it('21: the ui.click breadcrumb carries the unmasked row\'s text and aria-label/title; Sentry\'s defaults send none of it', () => {
    expect(at('click-breadcrumbs', 'leaky')).toEqual(expect.arrayContaining(['rowName @ data.payload.data.node.textContent', 'rowEmail @ data.payload.data.node.attributes["aria-label"]', 'rowTitleName @ data.payload.data.node.attributes.title', 'rowEmail @ data.payload.message']));
    const safe = sentEvents(recordedCell('click-breadcrumbs', 'safe').recording);
    // The breadcrumb was sent under the defaults too, with the node masked.
    expect(JSON.stringify(safe)).toMatch(/"category":"ui\.click"/);
    expect(verdictOf('click-breadcrumbs', 'safe').findings).toEqual([]);
  });

  it('22: Chromium autofill\'s input events carry every card field when card fields are not masked', () => {
    expect(at('autofill', 'leaky')).toEqual(expect.arrayContaining(['cardNumber @ data.text', 'cardName @ data.text', 'cardCvc @ data.text', 'cardExpiry @ data.text']));
    expect(verdictOf('autofill', 'safe').findings).toEqual([]);
  });

  it('23: the draft is found inside the base64 gzip of the request and the echoed response', () => {
    expect(at('compressed-bodies', 'leaky')).toEqual(expect.arrayContaining(['draftName @ data.payload.request.body (gzip)', 'draftEmail @ data.payload.response.body (gzip)']));
    expect(verdictOf('compressed-bodies', 'safe').findings).toEqual([]);
  });

  it('24: rr-mask on a host masks nothing in its shadow root; rr-block on a host hides its shadow root, later writes included', () => {
    const leaky = at('shadow-host-mask', 'leaky');
    expect(leaky).toEqual(expect.arrayContaining(['maskedHostName @ data.node.textContent', 'lateMaskedName @ data.adds[1].node.textContent']));
    expect(leaky.some((f) => f.startsWith('blockedHostEmail'))).toBe(false);
    expect(verdictOf('shadow-host-mask', 'safe').findings).toEqual([]);
  });

  it('25: the remote maskAllInputs: false unmasks the typed values only where posthog.init is silent', () => {
    expect(at('remote-config', 'leaky')).toEqual(expect.arrayContaining(['newsletterEmail @ data.text', 'newsletterName @ data.text']));
    expect(verdictOf('remote-config', 'safe').findings).toEqual([]);
  });
});
