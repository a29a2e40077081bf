import { describe, expect, it } from 'vitest';
import { createScanner, scanEvents } from '../../../src/detect/index.ts';
import { StreamRegistry, TextStream } from '../../../src/detect/text-stream.ts';
import type { Canary } from '../../../src/detect/types.ts';
import { appendText, checkoutForm, el, fullSnapshot, input, mutation, text, textMutation } from './rrweb-events.ts';

const canaries: Canary[] = [
  { kind: 'fullName', value: 'Merritt Flatley', label: 'full name' },
  { kind: 'email', value: 'merritt_flatley@yahoo.com', label: 'email' },
  { kind: 'card', value: '4141 3356 5145 9655', label: 'card' },
  { kind: 'cvv', value: '616', label: 'cvv' },
];
const scan = (events: unknown[]) => scanEvents(events, { canaries, patterns: false });

describe('split values: no single string holds the canary', () => {
  it('across sibling text nodes and an inline element of a full snapshot, placed at the element that reads it', () => {
    const greeting = el('p', { class: 'greeting' }, [text('Merritt '), el('b', {}, [text('Flatley')])]);
    const card = el('div', {}, [text('Card: 4141 3356'), el('span', { class: 'masked-not' }, [text(' 5145 9655')])]);
    const findings = scan([fullSnapshot([checkoutForm(), greeting, card])]);
    expect(findings.map((f) => [f.kind, f.encoding, f.nodeId])).toEqual([
      ['fullName', 'split', greeting.id],
      ['card', 'split', card.id],
    ]);
    expect(findings[0]?.path).toBe('data.node.childNodes[1].childNodes[1].childNodes[1]');
  });

  it('a near miss across nodes stays quiet, and so do style text, separate words and masked text between', () => {
    const near = el('p', {}, [text('Merritt '), el('b', {}, [text('Flatly')])]);
    const styled = el('div', {}, [text('Merritt'), el('style', {}, [text(' Flatley { color: red }', true)])]);
    const words = el('ul', {}, [el('li', {}, [text('Merrittsville')]), el('li', {}, [text('Flatley Road')])]);
    const maskedBetween = el('p', {}, [text('Merritt'), el('span', { class: 'rr-mask' }, [text('*****')]), text('Flatley')]);
    expect(scan([fullSnapshot([near, styled, words, maskedBetween])])).toEqual([]);
  });

  it('in a subtree added by a mutation, and across adds listed out of document order', () => {
    const b = el('b', {}, [text('Flatley')]);
    const first = text('Merritt ');
    const event = mutation({
      adds: [
        { parentId: 60, nextId: null, node: b },
        { parentId: 60, nextId: b.id, node: first },
        { parentId: 61, nextId: null, node: el('p', {}, [text('merritt_flatley@'), el('i', {}, [text('yahoo.com')])]) },
      ],
    });
    const findings = scan([event]);
    expect(findings.map((f) => [f.kind, f.encoding, f.eventIndex])).toEqual([
      ['fullName', 'split', 0],
      ['email', 'split', 0],
    ]);
    expect(findings[0]?.nodeId).toBe(60);
  });

  it('across events: characters appended to an element one text node at a time (a live preview)', () => {
    const typed = [...'merritt_flatley@yahoo.com'].map((char) => appendText(40, char));
    const scanner = createScanner({ canaries, patterns: false });
    const perEvent = typed.flatMap((event, i) => scanner.scanEvent(event, i));
    expect(perEvent).toEqual([]);
    const [finding, ...rest] = scanner.finish();
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ kind: 'email', encoding: 'split', nodeId: 40, eventIndex: typed.length - 1 });
    expect(scan([...'merritt_flatley@yahoo'].map((char) => appendText(40, char)))).toEqual([]);
  });

  it('across input events that carry one increment each, not when they carry the full value', () => {
    const increments = ['Merr', 'itt ', 'Flat', 'ley'].map((piece) => input(12, piece));
    expect(scan(increments).map((f) => [f.kind, f.encoding, f.nodeId, f.path])).toEqual([['fullName', 'split', 12, 'data.text']]);
    // rrweb's usual input events: each the whole value so far, found once whole, never as a split.
    const full = [...'Merritt Flatley'].map((_, i) => input(12, 'Merritt Flatley'.slice(0, i + 1)));
    expect(scan(full).map((f) => [f.encoding, f.eventIndex])).toEqual([['plain', 14]]);
  });

  it('across text mutations of one node, and not across different nodes', () => {
    expect(scan([textMutation(55, 'Merr'), textMutation(55, 'itt Fla'), textMutation(55, 'tley')]).map((f) => f.encoding)).toEqual(['split']);
    expect(scan([textMutation(55, 'Merr'), textMutation(56, 'itt Fla'), textMutation(57, 'tley')])).toEqual([]);
  });

  it('a short canary split across pieces counts only as an exact whole token', () => {
    expect(scan([appendText(90, 'CVV '), appendText(90, '6'), appendText(90, '16')]).map((f) => f.kind)).toEqual(['cvv']);
    expect(scan([appendText(91, '16'), appendText(91, '16')])).toEqual([]);
  });

  it('memory stays bounded: a stream keeps a window of text, the registry a capped number of nodes', () => {
    const stream = new TextStream(64, 7, 'p7', true);
    for (let i = 0; i < 5_000; i++) stream.push(`filler text ${i} `, i);
    expect(stream.keptLength).toBeLessThan(64 + 20);
    stream.push('x'.repeat(10_000), 5_000);
    stream.push('tail', 5_001);
    expect(stream.keptLength).toBeLessThanOrEqual(64 + 4);
    const registry = new StreamRegistry(64, 1_000);
    for (let i = 0; i < 20_000; i++) registry.get(i, i);
    expect(registry.size).toBe(1_000);
  });

  it('a value typed into a node after much other traffic is still found', () => {
    const scanner = createScanner({ canaries, patterns: false });
    for (let i = 0; i < 20_000; i++) scanner.scanEvent(input(1_000 + i, `x${i}`), i);
    Array.from({ length: 2_000 }, (_, i) => appendText(7, `filler text ${i} `)).forEach((event, i) => scanner.scanEvent(event, 20_000 + i));
    scanner.scanEvent(appendText(7, 'Merritt '), 30_000);
    scanner.scanEvent(appendText(7, 'Flatley'), 30_001);
    expect(scanner.finish().map((f) => [f.kind, f.eventIndex])).toEqual([['fullName', 30_001]]);
    expect(scanner.eventsScanned).toBe(22_002);
  });
});
