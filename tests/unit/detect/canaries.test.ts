import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import type { Canary } from '../../../src/detect/types.ts';

const canaries: Canary[] = [
  { kind: 'fullName', value: 'Merritt Flatley', label: 'person › full name' },
  { kind: 'email', value: 'merritt_flatley@yahoo.com', label: 'person › email' },
  { kind: 'card', value: '4141 3356 5145 9655', label: 'person › card number' },
  { kind: 'phone', value: '(523) 380-4676', label: 'person › phone' },
  { kind: 'cvv', value: '616', label: 'person › card CVV' },
];

const input = (text: string, id = 12) => ({ type: 3, timestamp: 1, data: { source: 5, id, text, isChecked: false } });
const custom = (payload: unknown) => ({ type: 5, timestamp: 1, data: { tag: 'maskproof/network', payload } });
const scan = (events: unknown[]) => scanEvents(events, { canaries, patterns: false });

describe('canary detection, each encoding: found, and quiet on a near miss', () => {
  it('plain: exact value in an input event, with path and node id', () => {
    const [finding] = scan([input('Merritt Flatley')]);
    expect(finding).toMatchObject({ detector: 'canary', kind: 'fullName', encoding: 'plain', path: 'data.text', nodeId: 12, eventType: 3, eventSource: 5, label: 'person › full name' });
    expect(scan([input('Merritt Flatly')])).toEqual([]);
  });

  it('case: case-folded', () => {
    expect(scan([input('MERRITT FLATLEY')])[0]?.encoding).toBe('case');
  });

  it('digits: separators removed or changed', () => {
    expect(scan([input('4141335651459655')])[0]?.encoding).toBe('digits');
    expect(scan([input('523.380.4676')])[0]).toMatchObject({ kind: 'phone', encoding: 'digits' });
    expect(scan([input('4141335651459656')])).toEqual([]);
  });

  it('url: percent-encoded and plus-encoded', () => {
    expect(scan([custom({ url: '/api?email=merritt_flatley%40yahoo.com' })])[0]).toMatchObject({ encoding: 'url', path: 'data.payload.url' });
    expect(scan([custom({ url: '/search?q=Merritt+Flatley' })])[0]?.encoding).toBe('url');
    expect(scan([custom({ url: '/api?email=merritt_flatley%40yahoo.co' })])).toEqual([]);
  });

  it('json: escaped inside a JSON string', () => {
    const body = JSON.stringify({ email: 'merritt_flatley@yahoo.com' }).replace('@', '\\u0040');
    expect(scan([custom({ body })])[0]?.encoding).toBe('json');
    expect(scan([custom({ body: '{"email":"merritt\\u005fflat@yahoo.com"}' })])).toEqual([]);
  });

  it('html: entity-encoded', () => {
    expect(scan([custom({ html: 'merritt_flatley&#64;yahoo&period;com' })])[0]?.encoding).toBe('html');
    expect(scan([custom({ html: 'Merritt&#x20;Flatley' })])[0]?.encoding).toBe('html');
    expect(scan([custom({ html: 'Merritt&amp;Flatley' })])).toEqual([]);
  });

  it('base64 and base64url, at all three byte alignments inside a larger blob', () => {
    for (const prefix of ['', 'x', 'xy', 'xyz']) {
      const blob = Buffer.from(`${prefix}{"user":"merritt_flatley@yahoo.com","n":1}`).toString('base64');
      expect(scan([custom({ blob })])[0]?.encoding, prefix).toBe('base64');
      const url = Buffer.from(`${prefix}??>>merritt_flatley@yahoo.com`).toString('base64url');
      expect(scan([custom({ blob: url })])[0]?.encoding, prefix).toBe('base64');
    }
    expect(scan([custom({ blob: Buffer.from('{"user":"somebody.else@yahoo.com"}').toString('base64') })])).toEqual([]);
  });

  it('split: across sibling text nodes and inline elements of a snapshot', () => {
    const snapshot = {
      type: 2,
      timestamp: 1,
      data: {
        initialOffset: { left: 0, top: 0 },
        node: { type: 0, id: 1, childNodes: [{ type: 2, id: 2, tagName: 'p', attributes: {}, childNodes: [
          { type: 3, id: 3, textContent: 'Merritt ' },
          { type: 2, id: 4, tagName: 'b', attributes: {}, childNodes: [{ type: 3, id: 5, textContent: 'Flatley' }] },
        ] }] },
      },
    };
    expect(scan([snapshot])[0]).toMatchObject({ encoding: 'split', nodeId: 2 });
    (snapshot.data.node.childNodes[0]!.childNodes[1] as { childNodes: { textContent: string }[] }).childNodes[0]!.textContent = 'Flat';
    expect(scan([snapshot])).toEqual([]);
  });

  it('split: typed into the page one text node per event (a live-typing preview)', () => {
    const add = (text: string, id: number) => ({ type: 3, timestamp: 1, data: { source: 0, texts: [], attributes: [], removes: [], adds: [{ parentId: 40, nextId: null, node: { type: 3, id, textContent: text } }] } });
    const typed = [...'merritt_flatley@yahoo.com'].map((char, i) => add(char, 100 + i));
    const findings = scan(typed);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ encoding: 'split', nodeId: 40, eventIndex: typed.length - 1 });
    expect(scan([...'merritt_flatley@yahoo'].map((c, i) => add(c, 100 + i)))).toEqual([]);
  });

  it('short canaries only as whole tokens: a CVV is not found inside a timestamp or a longer number', () => {
    expect(scan([input('cvv 616')])[0]?.kind).toBe('cvv');
    expect(scan([input('1700616123'), custom({ t: 'x=26161&y=616px' })])).toEqual([]);
  });

  it('masked values are not leaks', () => {
    expect(scan([input('***************'), input('••••••'), custom({ text: '******* *******' })])).toEqual([]);
    expect(scanEvents([input('***************9655')], { canaries, patterns: true, maskedLastChars: 4 })).toEqual([]);
  });

  it('allow-listed values are not leaks', () => {
    expect(scanEvents([input('Merritt Flatley')], { canaries, patterns: false, allow: { values: ['merritt flatley'] } })).toEqual([]);
  });

  it('never returns the full value: only a redacted form and its SHA-256', () => {
    const findings = scan([input('Merritt Flatley'), input('merritt_flatley@yahoo.com'), input('4141 3356 5145 9655')]);
    const json = JSON.stringify(findings);
    for (const canary of canaries) expect(json).not.toContain(canary.value);
    expect(findings.map((f) => f.redacted)).toEqual(['M••• F•••', 'me•••@•••.com', '••• 9655']);
    expect(findings[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
