import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig, rrwebConfig } from '../../../src/config/recorder-config.ts';
import { ConfigError } from '../../../src/errors.ts';
import { buildInitScript } from '../../../src/recorder/init-script.ts';
import { privacySettings } from '../../../src/report/html/privacy-settings.ts';

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

describe('policy.collection in the report', () => {
  it('is listed with the privacy settings, one line per control', () => {
    const labels = (file: string) => Object.fromEntries(privacySettings(loadRecorderConfig(file)).map((s) => [s.label, s.value]));
    expect(labels('fixtures/recorders/safe-controls.json')).toMatchObject({
      Consent: 'required: waits for "consent:granted"; stops on "consent:withdrawn"',
      'Opt-out cookie': 'mp_optout: nothing recorded while set',
      'Minimum session': '15000 ms: shorter sessions are not sent',
      'Page URLs': 'recorded without query string and fragment',
    });
    expect(labels('fixtures/recorders/leaky-ignores-withdrawal.json').Consent).toMatch(/withdrawal not handled/);
    expect(labels('fixtures/recorders/safe.json').Consent).toBeUndefined();
  });
});
