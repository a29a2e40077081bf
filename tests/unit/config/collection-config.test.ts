import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig, rrwebConfig } from '../../../src/config/recorder-config.ts';
import { ConfigError } from '../../../src/errors.ts';
import { withSampleRateOverride } from '../../../src/fixture/sample-rate.ts';
import { buildInitScript } from '../../../src/recorder/init-script.ts';
import { privacySettings } from '../../../src/recorder/vendors/privacy-settings.ts';

const withCollection = (collection: unknown) => ({ recorder: 'rrweb', policy: { collection } });

describe('policy.collection in a recorder config', () => {
  it('is kept as written, and absent when not written (recording from page load, as before)', () => {
    const collection = { consent: { required: true, grantedEvent: 'consent:granted', withdrawnEvent: 'consent:withdrawn', storageKey: 'mp_consent' }, optOutCookie: 'mp_optout', stripUrlQuery: true, stripUrlHash: true };
    expect(rrwebConfig(parseRecorderConfig(withCollection(collection), 'x.json')).policy.collection).toEqual(collection);
    expect(rrwebConfig(parseRecorderConfig({ recorder: 'rrweb' }, 'x.json')).policy.collection).toBeUndefined();
  });

  it('rejects a misspelt key instead of silently recording without the control', () => {
    expect(() => parseRecorderConfig(withCollection({ optOutCookies: 'mp_optout' }), 'x.json')).toThrow(ConfigError);
    expect(() => parseRecorderConfig(withCollection({ optOutCookies: 'mp_optout' }), 'x.json')).toThrow(/unknown key "optOutCookies" at policy.collection/);
    expect(() => parseRecorderConfig(withCollection({ consent: { grantedEvent: 'consent:granted' } }), 'x.json')).toThrow(/policy.collection.consent must have required property 'required'/);
    // Consent required, but no signal that could ever grant it.
    expect(() => parseRecorderConfig(withCollection({ consent: { required: true } }), 'x.json')).toThrow(/policy.collection.consent must have required property 'grantedEvent'/);
  });

  it('reaches the page wrapper', () => {
    const config = rrwebConfig(parseRecorderConfig(withCollection({ optOutCookie: 'mp_optout', stripUrlQuery: true }), 'x.json'));
    expect(buildInitScript(config)).toContain('"collection":{"optOutCookie":"mp_optout","stripUrlQuery":true}');
  });
});

describe('policy.collection.sampleRate and the sampling journey\'s override', () => {
  const safeControls = () => rrwebConfig(loadRecorderConfig('fixtures/recorders/safe-controls.json'));

  it('is a rate from 0 to 1', () => {
    expect(rrwebConfig(parseRecorderConfig(withCollection({ sampleRate: 0.25 }), 'x.json')).policy.collection?.sampleRate).toBe(0.25);
    expect(() => parseRecorderConfig(withCollection({ sampleRate: 1.5 }), 'x.json')).toThrow(/policy.collection.sampleRate must be <= 1/);
    expect(() => parseRecorderConfig(withCollection({ sampleRate: '10%' }), 'x.json')).toThrow(/policy.collection.sampleRate must be number/);
  });

  it('replaces the rate the config sets, for this test only', () => {
    const config = safeControls();
    const overridden = rrwebConfig(withSampleRateOverride(config, 0));
    expect(overridden.policy.collection).toEqual({ ...config.policy.collection, sampleRate: 0 });
    expect(config.policy.collection?.sampleRate).toBe(1);
    expect(buildInitScript(overridden, { seed: 'abc' })).toContain('"sampleRate":0}');
    expect(buildInitScript(overridden, { seed: 'abc' })).toContain('"sessionSeed":"abc"');
  });

  it('never adds a rate to a config that has none, nor touches a vendor config or an absent override', () => {
    for (const file of ['leaky-sampling-in-rrweb', 'safe', 'sentry-default']) {
      const config = loadRecorderConfig(`fixtures/recorders/${file}.json`);
      expect(withSampleRateOverride(config, 0), file).toBe(config);
    }
    const config = safeControls();
    expect(withSampleRateOverride(config, undefined)).toBe(config);
    expect(() => withSampleRateOverride(config, 2)).toThrow(/sampleRateOverride 2 is not a rate/);
  });
});

describe('policy.collection in the report', () => {
  it('is listed with the privacy settings, one line per control', () => {
    const labels = (file: string) => Object.fromEntries(privacySettings(loadRecorderConfig(file)).map((s) => [s.label, s.value]));
    expect(labels('fixtures/recorders/safe-controls.json')).toMatchObject({
      Consent: 'required: waits for "consent:granted"; stops on "consent:withdrawn"',
      'Opt-out cookie': 'mp_optout: nothing recorded while set',
      'Minimum session': '15000 ms: shorter sessions are not sent',
      'Page URLs': 'recorded without query string and fragment',
      'Session sampling': '100% of sessions recorded',
    });
    expect(labels('fixtures/recorders/leaky-sampling-in-rrweb.json')['Session sampling']).toBe('none: every session recorded');
    expect(labels('fixtures/recorders/leaky-ignores-withdrawal.json').Consent).toMatch(/withdrawal not handled/);
    expect(labels('fixtures/recorders/safe.json').Consent).toBeUndefined();
  });
});
