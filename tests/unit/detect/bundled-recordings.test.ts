import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scanEvents } from '../../../src/detect/index.ts';
import type { Canary } from '../../../src/detect/types.ts';

/** Recordings captured in real runs of the demo app (fixtures/recordings/rrweb-<config>/<journey>.json). */
const root = new URL('../../../fixtures/recordings/', import.meta.url);
function recordings(config: string): { name: string; events: unknown[]; canaries: Canary[] }[] {
  const dir = new URL(`rrweb-${config}/`, root);
  const { canaries } = JSON.parse(readFileSync(new URL('canaries.json', dir), 'utf8')) as { canaries: Canary[] };
  return readdirSync(dir)
    .filter((file) => file.endsWith('.json') && !file.endsWith('.evidence.json') && file !== 'canaries.json')
    .map((file) => ({ name: file, events: JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as unknown[], canaries }));
}

describe('every detector on the recordings of the bundled demo app', () => {
  it('the safe configs\' recordings hold no finding at all (no false alarm from any detector)', () => {
    const safe = recordings('safe');
    expect(safe.length).toBeGreaterThan(3);
    for (const { name, events, canaries } of safe) {
      expect(scanEvents(events, { canaries, patterns: true }).map((f) => `${f.detector}/${f.kind} ${f.path}`), name).toEqual([]);
    }
  });
  it('the leaky config\'s PII form recording is caught', () => {
    const leaky = recordings('leaky').find((r) => r.name.includes('pii-form-submit'))!;
    expect(scanEvents(leaky.events, { canaries: leaky.canaries, patterns: true }).some((f) => f.detector === 'canary')).toBe(true);
  });
});
