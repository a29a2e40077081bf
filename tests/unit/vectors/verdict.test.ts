import { EventType, IncrementalSource } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { type ConfigRole, type VectorId, vectorIds } from '../../../src/vectors/catalog.ts';
import { vectorCanaries } from '../../../src/vectors/planted.ts';
import { PAGE_URL_TAG, sentEvents } from '../../../src/vectors/recorded-events.ts';
import { blockedElementsRecordedInFull } from '../../../src/vectors/structure.ts';
import { judgeRecording } from '../../../src/vectors/judge.ts';
import { decideVector, plantedFindings } from '../../../src/vectors/verdict.ts';
import { recordedCell } from './cells.ts';

function verdictOf(vector: VectorId, role: ConfigRole) {
  const cell = recordedCell(vector, role);
  return judgeRecording(cell.definition, role, cell.recording, vectorCanaries(vector, cell.planted));
}

describe('vector verdicts re-derived from a real matrix run', () => {
  it.each(vectorIds.map((id) => [id]))('%s: the leaky config is caught at the vector\'s own path', (id) => {
    const verdict = verdictOf(id, 'leaky');
    expect(verdict.actual).toBe('caught');
    expect(verdict.pathNamed).toBe(true);
    expect(verdict.findings[0]!.path).toMatch(recordedCell(id, 'leaky').definition.leakPath);
  });

  it.each(vectorIds.map((id) => [id]))('%s: the safe config is clean, or caught where rrweb cannot protect it', (id) => {
    const verdict = verdictOf(id, 'safe');
    expect(verdict.actual).toBe(verdict.limitation ? 'caught' : 'clean');
    expect(verdict.expected).toBe(verdict.actual);
  });

  it('names what leaked and where, redacted: never the planted value', () => {
    const cell = recordedCell('input-types', 'leaky');
    const verdict = verdictOf('input-types', 'leaky');
    expect(verdict.findings.map((f) => f.label)).toEqual(expect.arrayContaining(['input-types › email', 'input-types › tel', 'input-types › textarea']));
    const text = JSON.stringify(verdict);
    for (const { value } of Object.values(cell.planted)) expect(text).not.toContain(value);
  });

  it('the password typed after the show-password toggle stays masked with input masking off (rrweb\'s default)', () => {
    const events = recordedCell('password', 'safe').recording.events.map((e) => e.event as { type: number; data: Record<string, unknown> });
    const incremental = events.filter((e) => e.type === EventType.IncrementalSnapshot);
    // The recording shows the field turned into type=text, then rrweb's own password mark on it...
    const toggledAt = incremental.findIndex((e) => e.data.source === IncrementalSource.Mutation && JSON.stringify(e.data.attributes).includes('"type":"text"'));
    expect(toggledAt).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(incremental.slice(toggledAt))).toContain('"data-rr-is-password":"true"');
    // ...and every value typed after it is mask characters only.
    const typedAfter = incremental.slice(toggledAt).filter((e) => e.data.source === IncrementalSource.Input).map((e) => String(e.data.text));
    expect(typedAfter.at(-1)!.length).toBeGreaterThan(8);
    expect(typedAfter.every((text) => /^\**$/.test(text))).toBe(true);
    expect(verdictOf('password', 'safe').findings).toEqual([]);
    // The leaky config drops only the password key: the toggled field leaks there.
    expect(verdictOf('password', 'leaky').findings.map((f) => f.path)).toContain('data.text');
  });

  it('rrweb masks the child text of a masked parent: under maskTextClass alone, the .rr-mask paragraph\'s <b> child stays masked', () => {
    const labels = verdictOf('late-text', 'leaky').findings.map((f) => f.label);
    expect(labels).toContain('late-text › profileName');
    expect(labels).not.toContain('late-text › serverName');
  });

  it('scans the page URL every batch was sent from: a pushState URL is only there', () => {
    const verdict = verdictOf('page-url', 'safe');
    const push = verdict.findings.filter((f) => f.label === 'page-url › pushEmail');
    expect(push.length).toBeGreaterThan(0);
    expect(push.every((f) => f.path === 'data.payload.url')).toBe(true);
    const events = sentEvents(recordedCell('page-url', 'safe').recording);
    expect(events.some((e) => (e.data as { tag?: string }).tag === PAGE_URL_TAG)).toBe(true);
  });

  it('a leak found only outside the vector\'s path does not count as catching the vector', () => {
    const cell = recordedCell('network', 'leaky');
    // Same findings, judged against a vector whose path they do not name.
    const elsewhere = { ...cell.definition, leakPath: /^nowhere$/ };
    const verdict = decideVector(elsewhere, 'leaky', { planted: plantedFindings(sentEvents(cell.recording), vectorCanaries('network', cell.planted)) });
    expect(verdict.actual).toBe('caught');
    expect(verdict.pathNamed).toBe(false);
  });
});

describe('blocked elements must be placeholder boxes', () => {
  it('finds the [data-private] section recorded in full under the leaky config, with its JSON path', () => {
    const found = blockedElementsRecordedInFull(sentEvents(recordedCell('mask-block-scope', 'leaky').recording));
    expect(found).toHaveLength(1);
    expect(found[0]!.path).toMatch(/^data\.node(\.childNodes\[\d+\])+\.attributes\["data-private"\]$/);
    expect(found[0]!.label).toMatch(/<section> recorded in full \(\d+ child nodes\) instead of a placeholder box/);
  });

  it('finds nothing when it is blocked: only class, rr_width and rr_height are recorded', () => {
    const events = sentEvents(recordedCell('mask-block-scope', 'safe').recording);
    expect(blockedElementsRecordedInFull(events)).toEqual([]);
    const text = JSON.stringify(events);
    expect(text).toMatch(/"rr_width":"\d+(\.\d+)?px","rr_height":"\d+(\.\d+)?px"/);
  });
});

describe('reported vectors: each leaky config leaks the part its safe config protects', () => {
  const at = (id: VectorId, role: ConfigRole) => verdictOf(id, role).findings.map((f) => `${f.label} @ ${f.path.replace(/(\.childNodes\[\d+\])+/g, '')}`);

  it('select: rrweb leaks the option value attribute under every config, the option text only when text is unmasked', () => {
    expect(at('select-defaults', 'safe')).toContain('select-defaults › optionEmail @ data.node.attributes.value');
    expect(at('select-defaults', 'safe').filter((f) => f.endsWith('textContent'))).toEqual([]);
    expect(at('select-defaults', 'leaky')).toContain('select-defaults › defaultText @ data.node.textContent');
  });

  it('controlled input: rr-ignore drops the input events but not the synced value attribute; maskAllInputs masks it', () => {
    expect(at('controlled-value', 'leaky')).toEqual(['controlled-value › typedRecipient @ data.attributes[0].attributes.value']);
    const events = sentEvents(recordedCell('controlled-value', 'leaky').recording);
    // No input event at all for the rr-ignore field: the value reached the recording by the mutation alone.
    expect(events.filter((e) => e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.Input)).toEqual([]);
    const safeValues = sentEvents(recordedCell('controlled-value', 'safe').recording)
      .flatMap((e) => (e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.Mutation ? e.data.attributes : []))
      .map((a) => a.attributes.value)
      .filter((v): v is string => typeof v === 'string');
    expect(safeValues.length).toBeGreaterThan(0);
    expect(safeValues.every((v) => /^\*+$/.test(v))).toBe(true);
  });

  it('buttons: submit/button value attributes leak under every config, <button> text only when text is unmasked', () => {
    expect(at('button-values', 'safe')).toEqual(expect.arrayContaining(['button-values › submitName @ data.node.attributes.value', 'button-values › buttonEmail @ data.node.attributes.value']));
    expect(at('button-values', 'safe').some((f) => f.startsWith('button-values › buttonText'))).toBe(false);
    expect(at('button-values', 'leaky')).toContain('button-values › buttonText @ data.node.textContent');
  });

  it('JSON-LD: the snapshot holds SCRIPT_PLACEHOLDER, the in-place update leaks as a text mutation unless maskTextSelector reaches <head>', () => {
    const leaky = at('json-ld', 'leaky');
    expect(leaky).toEqual(expect.arrayContaining(['json-ld › ldName @ data.texts[0].value', 'json-ld › ldEmail @ data.texts[0].value']));
    expect(leaky.some((f) => f.startsWith('json-ld › serverLdName'))).toBe(false);
    expect(JSON.stringify(sentEvents(recordedCell('json-ld', 'leaky').recording))).toContain('SCRIPT_PLACEHOLDER');
    expect(verdictOf('json-ld', 'safe').findings).toEqual([]);
  });

  it('signed media URLs: safe.json records the video and audio src with their signatures; blocking media leaves a placeholder box', () => {
    expect(at('media-signed-urls', 'leaky')).toEqual(expect.arrayContaining(['media-signed-urls › videoSignature @ data.node.attributes.src', 'media-signed-urls › audioToken @ data.node.attributes.src']));
    expect(verdictOf('media-signed-urls', 'safe').findings).toEqual([]);
    expect(JSON.stringify(sentEvents(recordedCell('media-signed-urls', 'safe').recording))).toMatch(/"tagName":"video","attributes":\{[^}]*"rr_width"/);
  });
});
