import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import type { Canary } from '../../../src/detect/types.ts';
import { el, fullSnapshot, input } from './rrweb-events.ts';

const found = (events: unknown[], canaries?: Canary[]) => scanEvents(events, { canaries }).map((f) => `${f.detector}:${f.kind}:${f.encoding}`);
/** Inputs side by side in one row, as checkout and verification pages lay them out. */
const row = (count: number, attributes: (i: number) => Record<string, string> = () => ({})) => {
  const inputs = Array.from({ length: count }, (_, i) => el('input', { type: 'text', inputmode: 'numeric', ...attributes(i) }));
  return { inputs, snapshot: fullSnapshot([el('div', { class: 'segments' }, inputs)]) };
};
/** Every keystroke as rrweb records it: the field's whole value after each key. */
const typed = (nodeId: number, value: string) => Array.from(value, (_, i) => input(nodeId, value.slice(0, i + 1)));

describe('segmented inputs: one value typed into several fields', () => {
  it('a card typed into four fields of four digits is found once, encoding split', () => {
    const { inputs, snapshot } = row(4);
    const groups = ['4111', '1111', '1111', '1111'];
    expect(found([snapshot, ...inputs.flatMap((node, i) => typed(node.id, groups[i]!))])).toEqual(['card:visa:split']);
  });

  it('a card restored into four value attributes of the snapshot', () => {
    const groups = ['5500', '0000', '0000', '0004'];
    expect(found([row(4, (i) => ({ value: groups[i]! })).snapshot])).toEqual(['card:mastercard:split']);
  });

  it('a planted one-time code typed into six one-digit boxes, and a phone in three', () => {
    const otp = row(6);
    expect(found([otp.snapshot, ...otp.inputs.flatMap((node, i) => typed(node.id, '482913'[i]!))], [{ kind: 'otp', value: '482913', label: 'verify › code' }])).toEqual(['canary:otp:split']);
    const phone = row(3);
    const parts = ['415', '555', '2671'];
    expect(found([phone.snapshot, ...phone.inputs.flatMap((node, i) => typed(node.id, parts[i]!))])).toEqual(['phone:phone:split']);
  });

  it('quiet: cart quantities, a Luhn-invalid number, masked segments, fields far apart', () => {
    const cart = row(3);
    expect(found([cart.snapshot, ...cart.inputs.flatMap((node, i) => typed(node.id, String(i + 1)))])).toEqual([]);
    const invalid = ['4111', '1111', '1111', '1112'];
    expect(found([row(4, (i) => ({ value: invalid[i]! })).snapshot])).toEqual([]);
    const masked = row(4);
    expect(found([masked.snapshot, ...masked.inputs.map((node) => input(node.id, '****'))])).toEqual([]);
    const groups = ['4111', '1111', '1111', '1111'];
    expect(found(groups.map((group, i) => input(1000 + i * 50, group)))).toEqual([]);
  });
});
