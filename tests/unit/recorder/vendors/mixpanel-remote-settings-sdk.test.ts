import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../../src/errors.ts';
import { loadRecorderConfig, parseRecorderConfig } from '../../../../src/config/recorder-config.ts';
import type { MixpanelRecorderConfig } from '../../../../src/recorder/vendors/mixpanel/config.ts';
import { MixpanelAdapter } from '../../../../src/recorder/vendors/mixpanel/mixpanel-adapter.ts';
import { isMixpanelSettingsUrl } from '../../../../src/recorder/vendors/mixpanel/observe.ts';
import { mixpanelRemoteSettingsSchema } from '../../../../src/recorder/vendors/mixpanel/remote-settings.ts';
import { vendorOfConfig } from '../../../../src/recorder/vendors/registry.ts';
import type { VendorRequest } from '../../../../src/recorder/vendors/vendor-adapter.ts';

/**
 * Mixpanel's remote settings (mixpanel-browser 2.83.0): what the SDK fetches, what it takes from the
 * answer, and the harness's answer from the recorder config, checked against the SDK's own
 * `_fetch_remote_settings` run on that answer.
 */
const require = createRequire(import.meta.url);
const core = readFileSync(join(dirname(require.resolve('mixpanel-browser/package.json')), 'src/mixpanel-core.js'), 'utf8');

/** The keys of DEFAULT_CONFIG, as the SDK's source spells them. */
const defaultConfigKeys = (() => {
  const block = /var DEFAULT_CONFIG = \{([\s\S]*?)\n\};/.exec(core)![1]!;
  return new Set([...block.matchAll(/^\s+'([a-z_]+)':/gm)].map((m) => m[1]!));
})();

class TestMixpanel extends MixpanelAdapter {
  handled(request: VendorRequest) {
    return this.handle(request);
  }
}
const mixpanel = (raw: object) => parseRecorderConfig({ recorder: 'mixpanel', ...raw }, 'mixpanel.json') as MixpanelRecorderConfig;
const load = (name: string) => loadRecorderConfig(`fixtures/recorders/${name}.json`) as MixpanelRecorderConfig;
const settingOf = (config: MixpanelRecorderConfig, label: string) => vendorOfConfig(config).privacySettings(config).find((s) => s.label === label)?.value;

/**
 * The SDK's `_fetch_remote_settings(mode)`, cut from its source and run with its globals stubbed:
 * `fetch` answers what the harness's adapter answers for the URL the SDK asks. Returns the URL asked,
 * and what the SDK passed to set_config.
 */
async function sdkFetchRemoteSettings(config: MixpanelRecorderConfig, mode: string) {
  const source = /MixpanelLib\.prototype\._fetch_remote_settings = (function\(mode\) \{[\s\S]*?\n\});/.exec(core)![1]!;
  const adapter = new TestMixpanel(config);
  const asked: string[] = [];
  const setConfig: object[] = [];
  const window = {
    AbortController,
    fetch: async (url: string) => {
      asked.push(url);
      const { reply } = adapter.handled({ method: 'GET', url, body: null, pageUrl: 'http://app.test/', urlLog: [] });
      return new Response(reply.body, { status: reply.status });
    },
  };
  const DEFAULT_CONFIG = Object.fromEntries([...defaultConfigKeys].map((key) => [key, null]));
  const underscore = {
    HTTPBuildQuery: (params: Record<string, string>) => new URLSearchParams(params).toString(),
    each: (object: Record<string, unknown>, fn: (value: unknown, key: string) => void) => Object.entries(object).forEach(([k, v]) => fn(v, k)),
    isEmptyObject: (object: object) => Object.keys(object).length === 0,
  };
  const lib = {
    get_api_host: () => 'https://mp.maskproof.invalid',
    get_config: (key: string) => ({ api_routes: { settings: 'settings/' }, token: 'token' })[key],
    set_config: (values: object) => setConfig.push(values),
  };
  const quiet = { critical: () => {} };
  const fetchRemoteSettings = new Function('window', 'console', 'DEFAULT_CONFIG', '_', 'Config', 'btoa', `return ${source}`)(
    window, quiet, DEFAULT_CONFIG, underscore, { LIB_VERSION: '2.83.0' }, btoa,
  ) as (this: typeof lib, mode: string) => Promise<void>;
  await fetchRemoteSettings.call(lib, mode);
  return { asked, setConfig };
}

describe("Mixpanel remote settings: what mixpanel-browser 2.83.0 fetches", () => {
  it("is off by default ('disabled'); 'strict' and 'fallback' fetch before recording starts; 'strict' without settings records nothing", () => {
    expect(core).toMatch(/'remote_settings_mode':\s+SETTING_DISABLED/);
    expect(core).toMatch(/if \(mode === SETTING_STRICT \|\| mode === SETTING_FALLBACK\) \{\s+this\.__session_recording_init_promise = this\._fetch_remote_settings\(mode\)\.then\(/);
    expect(core).toContain("self.set_config({'record_sessions_percent': 0});");
    expect(core).toContain("'settings': 'settings/'");
    expect(core).toContain("'sdk_config': '1',");
    // Only DEFAULT_CONFIG keys are taken from the answer.
    expect(core).toContain('if (DEFAULT_CONFIG.hasOwnProperty(key)) {');
  });

  it('every key the remoteSettings schema allows is one the SDK takes; masking is not among them', () => {
    for (const key of Object.keys(mixpanelRemoteSettingsSchema.properties)) expect(defaultConfigKeys.has(key), key).toBe(true);
    for (const key of ['record_mask_all_inputs', 'record_mask_all_text', 'record_mask_text_selector', 'record_unmask_input_selector']) expect(defaultConfigKeys.has(key), key).toBe(false);
    expect(() => mixpanel({ options: { remote_settings_mode: 'fallback' }, remoteSettings: { record_mask_all_inputs: false } })).toThrow(ConfigError);
    expect(() => mixpanel({ options: { remote_settings_mode: 'fallback' }, remoteSettings: { record_mask_all_inputs: false } })).toThrow(/unknown key "record_mask_all_inputs" at remoteSettings/);
    expect(() => mixpanel({ options: { remote_settings_mode: 'sometimes' } })).toThrow(/options\.remote_settings_mode must be one of "strict", "fallback", "disabled"/);
  });
});

describe('Mixpanel remote settings: the harness answers the SDK from the recorder config', () => {
  it('the SDK asks the settings URL the adapter and the observe matcher know, and sets exactly the served settings over its options', async () => {
    const leaky = load('mixpanel-remote-bodies');
    const { asked, setConfig } = await sdkFetchRemoteSettings(leaky, 'fallback');
    expect(asked).toHaveLength(1);
    expect(isMixpanelSettingsUrl(new URL(asked[0]!))).toBe(true);
    expect(setConfig).toEqual([leaky.remoteSettings]);
    expect(setConfig[0]).toMatchObject({ record_network: true, record_network_options: { recordBodyUrls: { request: ['/api/'] } } });
  });

  it("nothing set remotely: 'strict' turns recording off, 'fallback' keeps the code's options; the settings say which", async () => {
    const nothing = mixpanel({ options: { remote_settings_mode: 'strict' } });
    expect((await sdkFetchRemoteSettings(nothing, 'strict')).setConfig).toEqual([{ record_sessions_percent: 0 }]);
    expect((await sdkFetchRemoteSettings(nothing, 'fallback')).setConfig).toEqual([]);
    expect(settingOf(nothing, 'Sessions recorded')).toMatch(/^NONE: the remote settings turn recording off/);
    expect(settingOf(nothing, 'Remote settings')).toMatch(/strict mode then records nothing/);
    const fallback = mixpanel({ options: { remote_settings_mode: 'fallback' } });
    expect(settingOf(fallback, 'Remote settings')).toMatch(/the page's options apply/);
    expect(settingOf(fallback, 'Sessions recorded')).toMatch(/the harness sets 100/);
  });

  it('mixpanel-remote-bodies: the same code as mixpanel-default, the remote settings turn network bodies on; without the mode they are ignored', () => {
    const leaky = load('mixpanel-remote-bodies');
    const defaults = load('mixpanel-default');
    expect({ ...leaky.options, remote_settings_mode: undefined }).toEqual({ ...defaults.options, remote_settings_mode: undefined });
    expect(vendorOfConfig(leaky).capabilities(leaky).networkRecording).toBe(true);
    expect(vendorOfConfig(defaults).capabilities(defaults).networkRecording).toBe(false);
    expect(settingOf(leaky, 'Network')).toBe('request URLs and timings recorded; headers none; bodies for request /api/, response /api/ (remote settings)');
    expect(settingOf(leaky, 'Remote settings')).toBe("fetched before recording (remote_settings_mode fallback); the server's record_network, record_network_options win over the page's. Masking cannot be set remotely");
    // Masking stays the code's: the remote settings cannot reach it.
    expect(vendorOfConfig(leaky).privacySelectors(leaky)).toMatchObject({ maskAllText: true, maskInputs: 'all' });

    const ignored = { ...leaky, options: {} };
    expect(vendorOfConfig(ignored).capabilities(ignored).networkRecording).toBe(false);
    expect(settingOf(ignored, 'Remote settings')).toBe('not fetched (remote_settings_mode disabled, the default)');
  });

  it('a remote record_mask_inputs (a DEFAULT_CONFIG key the recorder never reads) is refused, not silently taken', () => {
    expect(() => mixpanel({ options: { remote_settings_mode: 'fallback' }, remoteSettings: { record_mask_inputs: true } })).toThrow(/unknown key "record_mask_inputs" at remoteSettings/);
    const recorderDir = join(dirname(require.resolve('mixpanel-browser/package.json')), 'src/recorder');
    for (const file of ['masking.js', 'session-recording.js']) expect(readFileSync(join(recorderDir, file), 'utf8')).not.toContain("'record_mask_inputs'");
  });
});
