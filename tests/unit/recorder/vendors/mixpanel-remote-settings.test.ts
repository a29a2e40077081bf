import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig } from '../../../../src/config/recorder-config.ts';
import { mixpanelCapabilities, mixpanelSurfaces } from '../../../../src/recorder/vendors/mixpanel/capabilities.ts';
import type { MixpanelRecorderConfig } from '../../../../src/recorder/vendors/mixpanel/config.ts';
import { mixpanelSelectors, mixpanelSettings } from '../../../../src/recorder/vendors/mixpanel/privacy.ts';
import { effectiveMixpanelOptions, mixpanelSettingsReply } from '../../../../src/recorder/vendors/mixpanel/remote-settings.ts';

const mixpanel = (raw: object) => parseRecorderConfig({ name: 'x', recorder: 'mixpanel', ...raw }, 'x.json') as MixpanelRecorderConfig;
const remote = { record_block_selector: '', record_network: true };

describe('Mixpanel remote settings (remote_settings_mode, mixpanel-core.js _fetch_remote_settings)', () => {
  it('the server\'s keys win over the page\'s in strict and fallback mode; disabled (the default) fetches nothing', () => {
    expect(effectiveMixpanelOptions(mixpanel({ options: { remote_settings_mode: 'fallback', record_network: false }, remoteSettings: remote }))).toMatchObject({ record_network: true, record_block_selector: '' });
    expect(effectiveMixpanelOptions(mixpanel({ options: { remote_settings_mode: 'strict' }, remoteSettings: remote }))).toMatchObject(remote);
    expect(effectiveMixpanelOptions(mixpanel({ options: {}, remoteSettings: remote }))).toEqual({});
    expect(effectiveMixpanelOptions(mixpanel({ options: { remote_settings_mode: 'disabled' }, remoteSettings: remote }))).toEqual({ remote_settings_mode: 'disabled' });
  });

  it('strict mode with nothing from the server records nothing (record_sessions_percent 0); fallback keeps the page\'s options', () => {
    expect(effectiveMixpanelOptions(mixpanel({ options: { remote_settings_mode: 'strict' } })).record_sessions_percent).toBe(0);
    expect(effectiveMixpanelOptions(mixpanel({ options: { remote_settings_mode: 'fallback' } })).record_sessions_percent).toBeUndefined();
  });

  it('the harness answers the settings call as the server would: sdk_config.config, or {} when nothing is set', () => {
    expect(JSON.parse(mixpanelSettingsReply(mixpanel({ options: { remote_settings_mode: 'fallback' }, remoteSettings: remote })))).toEqual({ sdk_config: { config: remote } });
    expect(mixpanelSettingsReply(mixpanel({ options: { remote_settings_mode: 'fallback' } }))).toBe('{}');
  });

  it('capabilities, surfaces, selectors and the report read the settings the recorder runs with', () => {
    const leaky = loadRecorderConfig('fixtures/recorders/mixpanel-remote-leaky.json') as MixpanelRecorderConfig;
    const local = mixpanel({ options: {}, remoteSettings: remote });
    expect(mixpanelCapabilities(leaky).networkRecording).toBe(true);
    expect(mixpanelCapabilities(local).networkRecording).toBe(false);
    expect(mixpanelSurfaces(leaky).remoteConfig).toBe(true);
    expect(mixpanelSurfaces(local).remoteConfig).toBe(false);
    // Media unblocked by the server: only the class list blocks.
    expect(mixpanelSelectors(leaky).block).not.toContain('img');
    expect(mixpanelSelectors(local).block).toContain('img');
    const line = mixpanelSettings(leaky).find((s) => s.label === 'Remote settings')!.value;
    expect(line).toMatch(/remote_settings_mode fallback.*record_block_selector, record_network, record_network_options win over the page's. Masking cannot be set remotely/);
    expect(mixpanelSettings(local).find((s) => s.label === 'Remote settings')!.value).toMatch(/^not fetched/);
  });

  it('a masking key in remoteSettings is a config error at its path (the SDK takes DEFAULT_CONFIG keys only, and masking is not one); so is an unknown mode', () => {
    expect(() => mixpanel({ options: { remote_settings_mode: 'fallback' }, remoteSettings: { record_mask_all_text: false } })).toThrow(/remoteSettings/);
    expect(() => mixpanel({ options: { remote_settings_mode: 'on' } })).toThrow(/remote_settings_mode/);
  });
});
