import { describe, expect, it } from 'vitest';
import { createScanner, scanTable, tableFromParts, tableParts } from '../../../src/detect/index.ts';
import type { Canary } from '../../../src/detect/types.ts';
import { input, network, textMutation } from './rrweb-events.ts';

const canaries: Canary[] = [
  { kind: 'fullName', value: 'Merritt Flatley', label: 'name' },
  { kind: 'card', value: '4111 1111 1111 1111', label: 'card' },
  { kind: 'email', value: 'merritt_flatley@yahoo.com', label: 'email' },
];
const events = [
  input(42, 'MERRITT FLATLEY'),
  network({ url: '/api/pay', body: { card: '4111111111111111' } }),
  network({ url: `/api/track?u=${Buffer.from('{"e":"merritt_flatley@yahoo.com"}').toString('base64')}` }),
  textMutation(7, 'nothing planted here'),
];

function findingsOf(scanner: ReturnType<typeof createScanner>): string[] {
  return [...events.flatMap((event, i) => scanner.scanEvent(event, i)), ...scanner.finish()].map((f) => `${f.eventIndex} ${f.detector} ${f.label ?? ''} ${f.encoding}`);
}

describe('pattern table sent to the helper thread', () => {
  it('a scanner on the table as it arrives (structured clone of its parts) finds what one built afresh finds', () => {
    const options = { canaries };
    const arrived = tableFromParts(structuredClone(tableParts(scanTable(options))));
    const found = findingsOf(createScanner(options, arrived));
    expect(found).toEqual(findingsOf(createScanner(options)));
    // It finds the planted values: plain in a different case, digits only, inside base64.
    expect(found.filter((f) => f.includes('canary'))).toEqual(['0 canary name case', '1 canary card digits', '2 canary email base64']);
  });

  it('a table for other canaries finds none of these (the table given is the one searched)', () => {
    const other = tableFromParts(structuredClone(tableParts(scanTable({ canaries: [{ kind: 'email', value: 'someone.else@example.net', label: 'other' }] }))));
    expect(findingsOf(createScanner({ canaries }, other)).filter((f) => f.includes('canary'))).toEqual([]);
  });
});
