import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, rrwebConfig } from '../../../src/config/recorder-config.ts';
import { vectors } from '../../../src/vectors/catalog.ts';

/** Every leaf of a vendor config's own settings ("options.replay.unmask", "project.masking.maskAllInputs") → JSON value. */
function leaves(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix ? `${prefix}.${key}` : key, out);
  } else out.set(prefix, JSON.stringify(value));
  return out;
}

/** Every setting of an rrweb config as "rrweb.maskAllInputs", "policy.network.bodies", ... → JSON value. */
function settings(path: string): Map<string, string> {
  const loaded = loadRecorderConfig(path);
  if (loaded.recorder !== 'rrweb') {
    const { name: _name, description: _description, source: _source, ...own } = loaded as unknown as Record<string, unknown>;
    return leaves(own, '', new Map());
  }
  const config = rrwebConfig(loaded);
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(config.rrweb)) out.set(`rrweb.${key}`, JSON.stringify(value));
  out.set('policy.neverRecordOn', JSON.stringify(config.policy.neverRecordOn));
  for (const [key, value] of Object.entries(config.policy.network)) out.set(`policy.network.${key}`, JSON.stringify(value));
  for (const [key, value] of Object.entries(config.policy.errors)) out.set(`policy.errors.${key}`, JSON.stringify(value));
  return out;
}

function changed(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key));
}

describe('the matrix\'s recorder configs', () => {
  it('every config in fixtures/vector-recorders loads', () => {
    for (const file of readdirSync('fixtures/vector-recorders')) expect(() => loadRecorderConfig(`fixtures/vector-recorders/${file}`), file).not.toThrow();
  });

  it.each(vectors.map((v) => [v.id, v]))('%s: the leaky config is the narrowest change from the safe one, and its name is the file\'s', (_id, vector) => {
    const diff = changed(settings(vector.safe.path), settings(vector.leaky.path));
    // One setting, or one setting and the one it replaces (maskTextSelector → maskTextClass).
    expect(diff.length, diff.join(', ')).toBeGreaterThanOrEqual(1);
    expect(diff.length, diff.join(', ')).toBeLessThanOrEqual(2);
    expect(loadRecorderConfig(vector.leaky.path).name).toBe(vector.leaky.name);
    expect(loadRecorderConfig(vector.safe.path).name).toBe(vector.safe.name);
  });
});
