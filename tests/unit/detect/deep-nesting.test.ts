import { describe, expect, it } from 'vitest';
import { RecordingFormatError } from '../../../src/errors.ts';
import { scanEvents } from '../../../src/detect/index.ts';
import { MAX_DEPTH } from '../../../src/detect/walk.ts';

const canaries = [{ kind: 'email', value: 'deep.leak@example.org', label: 'email' }];

/** `levels` nested arrays (or objects) around a string, built without recursion. */
function nested(levels: number, kind: 'array' | 'object', leaf: unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = kind === 'array' ? [value] : { k: value };
  return value;
}

/** A serialized DOM `levels` elements deep, text at the bottom. */
function deepDom(levels: number, leaf: string) {
  let node: Record<string, unknown> = { type: 3, id: levels + 10, textContent: leaf };
  for (let i = levels - 1; i >= 0; i--) node = { type: 2, id: i + 10, tagName: 'div', attributes: {}, childNodes: [node] };
  return { type: 2, timestamp: 1, data: { node: { type: 0, id: 1, childNodes: [node] }, initialOffset: { left: 0, top: 0 } } };
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('deeply nested recordings: one clear error, never a stack overflow', () => {
  for (const kind of ['array', 'object'] as const) {
    it(`a 100,000-level ${kind} in event 3 is refused naming the event and the depth`, () => {
      const events = [{ type: 4, data: {} }, { type: 5, data: { tag: 'x', payload: 1 } }, { type: 5, data: { tag: 'x', payload: 'ok' } }, { type: 5, data: { tag: 'x', payload: nested(100_000, kind, 'deep.leak@example.org') } }];
      const error = caught(() => scanEvents(events, { canaries }));
      expect(error).toBeInstanceOf(RecordingFormatError);
      const message = (error as RecordingFormatError).message;
      expect(message).toContain('event 3 ');
      expect(message).toContain(`more than ${MAX_DEPTH.toLocaleString('en-US')} levels deep`);
      expect(message).toContain('data.payload');
      expect(message.length).toBeLessThan(400);
      expect((error as RecordingFormatError).hint).toMatch(/event 3/);
    });
  }

  it('a 100,000-element-deep DOM in a full snapshot is refused the same way', () => {
    const error = caught(() => scanEvents([{ type: 4, data: {} }, deepDom(100_000, 'deep.leak@example.org')], { canaries }));
    expect(error).toBeInstanceOf(RecordingFormatError);
    expect((error as Error).message).toMatch(/^event 1 is nested more than/);
  });

  it('nesting just under the limit is scanned to the bottom: the leak there is found', () => {
    // The event root adds "data", "payload": the nesting is MAX_DEPTH - 2 levels below them.
    const findings = scanEvents([{ type: 5, data: { tag: 'x', payload: nested(MAX_DEPTH - 3, 'array', 'deep.leak@example.org') } }], { canaries });
    expect(findings.map((f) => f.kind)).toEqual(['email']);
    // A DOM 2,000 elements deep (4,000 path segments: deeper than Chromium nests parsed HTML).
    const dom = scanEvents([deepDom(2000, 'mail me: deep.leak@example.org')], { canaries });
    expect(dom.map((f) => [f.kind, f.nodeId])).toEqual([['email', 2010]]);
  });
});
