import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig, rrwebConfig } from '../../../src/config/recorder-config.ts';
import { ConfigError } from '../../../src/errors.ts';

describe('recorder config', () => {
  it('loads the bundled safe config with its policy', () => {
    const config = rrwebConfig(loadRecorderConfig('fixtures/recorders/safe.json'));
    expect(config.name).toBe('safe');
    expect(config.rrweb.maskAllInputs).toBe(true);
    expect(config.policy.neverRecordOn).toContain('^/admin(/|$)');
    expect(config.policy.network.bodies).toBe(false);
  });

  it('fills safe defaults for an almost empty config', () => {
    const config = rrwebConfig(parseRecorderConfig({ recorder: 'rrweb', rrweb: { maskTextSelector: '*' } }, 'min.json'));
    expect(config.name).toBe('min');
    expect(config.policy.network).toEqual({ record: true, requestHeaders: [], responseHeaders: [], bodies: false, cookies: false, scrubQueryParams: [] });
    // Error messages follow the text-masking rule unless told otherwise.
    expect(config.policy.errors.maskMessages).toBe(true);
    expect(rrwebConfig(parseRecorderConfig({ recorder: 'rrweb' }, 'x.json')).policy.errors.maskMessages).toBe(false);
  });

  it('rejects a typo in a key instead of silently dropping the protection', () => {
    expect(() => parseRecorderConfig({ recorder: 'rrweb', rrweb: { maskAllInput: true } }, 'typo.json')).toThrow(/unknown key "maskAllInput" at rrweb/);
  });

  it('names the key path of a wrong type', () => {
    expect(() => parseRecorderConfig({ recorder: 'rrweb', policy: { network: { bodies: 'no' } } }, 'x.json')).toThrow(/policy\.network\.bodies must be boolean/);
  });

  it('rejects a route pattern that is not a regular expression', () => {
    expect(() => parseRecorderConfig({ recorder: 'rrweb', policy: { neverRecordOn: ['^/admin('] } }, 'x.json')).toThrow(/policy\.neverRecordOn\.0 is not a valid regular expression/);
  });

  it('rejects an unknown recorder', () => {
    expect(() => parseRecorderConfig({ recorder: 'fullstory' }, 'x.json')).toThrow(ConfigError);
  });

  it('says when the file is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maskproof-config-'));
    writeFileSync(join(dir, 'broken.json'), '{ "recorder": "rrweb", }');
    expect(() => loadRecorderConfig('does/not/exist.json')).toThrow(/recorder config not found/);
    expect(() => loadRecorderConfig('package-lock.json')).toThrow(ConfigError);
    expect(() => loadRecorderConfig(join(dir, 'broken.json'))).toThrow(/not valid JSON/);
  });

  it('every bundled config is valid', async () => {
    const { readdirSync } = await import('node:fs');
    for (const file of readdirSync('fixtures/recorders')) {
      expect(() => loadRecorderConfig(`fixtures/recorders/${file}`), file).not.toThrow();
    }
  });
});
