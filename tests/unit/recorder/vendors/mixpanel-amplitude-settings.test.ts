import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecorderConfig } from '../../../../src/config/recorder-config.ts';
import { vendorOfConfig } from '../../../../src/recorder/vendors/registry.ts';

const require = createRequire(import.meta.url);
const packageDir = (pkg: string) => dirname(require.resolve(`${pkg}/package.json`));
const load = (name: string) => loadRecorderConfig(`fixtures/recorders/${name}.json`);
const settingsOf = (name: string) => {
  const config = load(name);
  return vendorOfConfig(config).privacySettings(config);
};
const selectorsOf = (name: string) => {
  const config = load(name);
  return vendorOfConfig(config).privacySelectors(config);
};

describe('Mixpanel: documented vs shipped defaults (mixpanel-browser 2.83.0)', () => {
  // https://docs.mixpanel.com/docs/tracking-methods/sdks/javascript/javascript-replay: "set the recording_sessions_percent"
  const DOCUMENTED_SAMPLING_KEY = 'recording_sessions_percent';
  const core = readFileSync(join(packageDir('mixpanel-browser'), 'src/mixpanel-core.js'), 'utf8');

  it('the code reads record_sessions_percent (default 0) and never the documented key; the settings say so', () => {
    expect(core).toMatch(/'record_sessions_percent':\s+0,/);
    expect(core.includes(DOCUMENTED_SAMPLING_KEY)).toBe(false);
    const sampling = settingsOf('mixpanel-default').find((s) => s.label === 'Sessions recorded');
    expect(sampling?.docsDiffer).toContain(DOCUMENTED_SAMPLING_KEY);
    expect(sampling?.docsDiffer).toContain('2.83.0');
  });

  it('records console by default (record_console true): the default config says console logs are recorded', () => {
    expect(core).toMatch(/'record_console':\s+true,/);
    expect(settingsOf('mixpanel-default').find((s) => s.label === 'Console logs')?.value).toMatch(/^recorded/);
    expect(vendorOfConfig(load('mixpanel-default')).capabilities(load('mixpanel-default')).errorRecording).toBe(true);
  });

  it('masks all text and inputs by default; the leaky config masks only the types the code always masks', () => {
    const masking = readFileSync(join(packageDir('mixpanel-browser'), 'src/recorder/masking.js'), 'utf8');
    expect(masking).toContain("var ALWAYS_MASKED_INPUT_TYPES = ['password', 'email', 'tel', 'hidden'];");
    expect(selectorsOf('mixpanel-default')).toMatchObject({ maskAllText: true, maskInputs: 'all' });
    expect(selectorsOf('mixpanel-leaky')).toMatchObject({ maskAllText: false, maskInputs: ['password', 'email', 'tel', 'hidden'] });
  });
});

describe('Amplitude: documented vs shipped defaults, and the remote config over the code (@amplitude/session-replay-browser 1.51.6)', () => {
  const privacyDir = join(dirname(require.resolve('@amplitude/session-replay-dom-privacy', { paths: [packageDir('@amplitude/session-replay-browser')] })), '..', 'esm');
  const policy = readFileSync(join(privacyDir, 'policy.js'), 'utf8');
  // https://amplitude.com/docs/session-replay/manage-privacy-settings-for-session-replay
  const DOCUMENTED_LIGHT = 'masks only some sensitive inputs: passwords, credit card numbers, phone numbers and email addresses';

  it("defaults to 'medium' (as documented: inputs masked, other text as-is); no docsDiffer on the default", () => {
    expect(readFileSync(join(privacyDir, 'types.js'), 'utf8')).toMatch(/DEFAULT_MASK_LEVEL = 'medium'/);
    expect(policy).toMatch(/case 'medium':\s+return elementType === 'input';/);
    const level = settingsOf('amplitude-default').find((s) => s.label === 'Mask level');
    expect(level?.value).toMatch(/^'medium' \(the default\)/);
    expect(level?.docsDiffer).toBeUndefined();
    expect(selectorsOf('amplitude-default')).toMatchObject({ maskAllText: false, maskInputs: 'all' });
  });

  it("'light' masks by input type and cc- autocomplete only, not 'sensitive' inputs as documented: the leaky config's line says so", () => {
    expect(policy).toContain("['password', 'hidden', 'email', 'tel'].includes(inputType)");
    expect(policy).toContain("element.autocomplete.startsWith('cc-')");
    const level = settingsOf('amplitude-leaky').find((s) => s.label === 'Mask level');
    expect(level?.docsDiffer).toContain(DOCUMENTED_LIGHT);
    expect(level?.docsDiffer).toContain('1.51.6');
  });

  it('the remote config wins: the same code is all-masked alone and light once the project says light', () => {
    expect(readFileSync(join(packageDir('@amplitude/session-replay-browser'), 'lib/esm/config/joined-config.js'), 'utf8')).toMatch(
      /defaultMaskLevel: \(_c = \(_b = remotePrivacyConfig\.defaultMaskLevel\) !== null && _b !== void 0 \? _b : localPrivacyConfig\.defaultMaskLevel\)/,
    );
    expect(load('amplitude-leaky')).toMatchObject({ options: (load('amplitude-conservative') as unknown as { options: object }).options });
    expect(selectorsOf('amplitude-conservative')).toMatchObject({ maskAllText: true, maskInputs: 'all' });
    expect(selectorsOf('amplitude-leaky')).toMatchObject({ maskAllText: false, maskInputs: ['password', 'hidden', 'email', 'tel'] });
    expect(settingsOf('amplitude-leaky').find((s) => s.label === 'Mask level')?.value).toBe("'light' (remote config, overriding the code's 'conservative')");
    const leaky = load('amplitude-leaky');
    expect(vendorOfConfig(leaky).capabilities(leaky)).toEqual({ routeBlocking: false, networkRecording: true, errorRecording: true });
    const conservative = load('amplitude-conservative');
    expect(vendorOfConfig(conservative).capabilities(conservative)).toEqual({ routeBlocking: false, networkRecording: false, errorRecording: false });
  });
});
