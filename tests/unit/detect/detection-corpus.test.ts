import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { caseEvents, loadLeakCases } from '../../../bench/corpus/leak-cases.ts';
import type { Detector } from '../../../src/contract/findings.ts';
import { validateEvent } from '../../../src/recording/schema.ts';

const ROOT = fileURLToPath(new URL('../../../fixtures/corpus/', import.meta.url));
// Every pattern detector (the type makes a new one fail typecheck until it is listed, and this test until it has cases);
// canaries and credentials are measured by their own tests.
const PATTERN_DETECTORS: Record<Exclude<Detector, 'canary' | 'credential'>, true> = {
  email: true, card: true, ssn: true, phone: true, iban: true, jwt: true, bearer: true, apikey: true, ip: true, dob: true,
  'national-id': true, passport: true, crypto: true, 'private-key': true, 'person-name': true, 'street-address': true,
};
const DETECTORS = Object.keys(PATTERN_DETECTORS);

/** Throws (RecordingFormatError) on an event that is not rrweb's; a recording opens with Meta then FullSnapshot. */
function checkRecording(events: unknown, where: string): void {
  expect(Array.isArray(events), where).toBe(true);
  const list = events as { type: number }[];
  list.forEach((event, i) => validateEvent(event, i, where));
  expect(list.slice(0, 2).map((e) => e.type), where).toEqual([4, 2]);
}

describe('the detection corpora (bench:detect)', () => {
  it('the clean corpus holds at least 200 valid rrweb recordings with snapshots, mutations and inputs', () => {
    const files = readdirSync(join(ROOT, 'clean')).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(200);
    let mutations = 0;
    let inputs = 0;
    for (const f of files) {
      const events = JSON.parse(readFileSync(join(ROOT, 'clean', f), 'utf8')) as { type: number; data: { source?: number } }[];
      checkRecording(events, f);
      mutations += events.filter((e) => e.type === 3 && e.data.source === 0).length;
      inputs += events.filter((e) => e.type === 3 && e.data.source === 5).length;
    }
    expect(mutations).toBeGreaterThan(200);
    expect(inputs).toBeGreaterThan(200);
  });

  it('the leak corpus holds at least 300 labelled cases, each a valid recording of a named detector', () => {
    const cases = loadLeakCases(join(ROOT, 'leak'));
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    for (const c of cases) {
      expect(typeof c.value === 'string' && c.value.length > 0 && typeof c.source === 'string' && typeof c.encoding === 'string', c.id).toBe(true);
      expect(c.text !== undefined || c.events !== undefined, c.id).toBe(true);
      checkRecording(caseEvents(c), c.id);
    }
    // Every pattern detector has labelled cases.
    for (const d of DETECTORS) expect(cases.some((c) => c.detector === d), d).toBe(true);
  });

  it('a malformed case is refused: the check is not vacuous', () => {
    expect(() => checkRecording([{ type: 2, data: {} }], 'broken')).toThrow();
  });
});
