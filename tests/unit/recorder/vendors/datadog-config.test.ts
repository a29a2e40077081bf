import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRecorderConfig } from '../../../../src/config/recorder-config.ts';
import { ConfigError } from '../../../../src/errors.ts';
import { capabilitiesOfConfig } from '../../../../src/recorder/vendors/capabilities.ts';
import { installedVersion } from '../../../../src/recorder/vendors/page-bundle.ts';
import { privacySettings } from '../../../../src/recorder/vendors/privacy-settings.ts';
import { DATADOG_CODE_DEFAULTS, DATADOG_DOCS_DEFAULT_PRIVACY_LEVEL, DATADOG_SDK_VERSION } from '../../../../src/recorder/vendors/datadog/privacy.ts';
import { privacySelectors } from '../../../../src/visual/privacy-selectors.ts';
import { root } from '../../../helpers/run-cli.ts';

const require = createRequire(import.meta.url);
/** The shipped ESM of a Datadog package (what esbuild bundles for the page). */
function shipped(pkg: string, file: string): string {
  let dir = dirname(require.resolve(pkg));
  while (!dir.endsWith(pkg.split('/')[1]!)) dir = dirname(dir);
  return readFileSync(join(dir, file), 'utf8');
}

/** The default the SDK's RUM_SCHEMA gives an option, as the shipped code writes it. */
function schemaDefault(option: string): string {
  const source = shipped('@datadog/browser-rum-core', 'esm/domain/configuration/configuration.mjs');
  const entry = new RegExp(`\\n\\t${option}: \\{([^}]*)\\}`).exec(source)?.[1];
  const value = entry && /default: ([^,\n]+)/.exec(entry)?.[1];
  if (!value) throw new Error(`no default for ${option} in the shipped RUM_SCHEMA`);
  const member = /^DefaultPrivacyLevel\.(\w+)$/.exec(value.trim());
  if (!member) return value.trim();
  const core = shipped('@datadog/browser-core', 'esm/domain/configuration/configuration.mjs');
  return new RegExp(`${member[1]}: "([^"]+)"`).exec(core)![1]!;
}

const config = (options: object) => parseRecorderConfig({ recorder: 'datadog', options }, 'datadog.json');
const fixture = (name: string) => parseRecorderConfig(JSON.parse(readFileSync(join(root, 'fixtures/recorders', `${name}.json`), 'utf8')), `${name}.json`);

describe('Datadog defaults: the docs against the code that ships', () => {
  it('the installed SDK is the version the defaults were read from', () => {
    expect(installedVersion('@datadog/browser-rum')).toBe(DATADOG_SDK_VERSION);
  });

  it("reads the shipped defaults: mask-user-input (the docs say mask), no replay sampled, action names private", () => {
    expect(schemaDefault('defaultPrivacyLevel')).toBe(DATADOG_CODE_DEFAULTS.defaultPrivacyLevel);
    expect(schemaDefault('defaultPrivacyLevel')).not.toBe(DATADOG_DOCS_DEFAULT_PRIVACY_LEVEL);
    expect(Number(schemaDefault('sessionReplaySampleRate'))).toBe(DATADOG_CODE_DEFAULTS.sessionReplaySampleRate);
    expect(schemaDefault('enablePrivacyForActionName')).toBe(String(DATADOG_CODE_DEFAULTS.enablePrivacyForActionName));
    expect(schemaDefault('trackResources')).toBe(String(DATADOG_CODE_DEFAULTS.trackResources));
    expect(schemaDefault('startSessionReplayRecordingManually')).toBe(String(DATADOG_CODE_DEFAULTS.startSessionReplayRecordingManually));
  });

  it('the report says so beside the default level, and not once the config sets a level', () => {
    const line = privacySettings(fixture('datadog-default')).find((s) => s.label === 'Default privacy level')!;
    expect(line.value).toMatch(/^mask-user-input \(the SDK default\): inputs masked, page text recorded/);
    expect(line.docsDiffer).toMatch(/docs .* say the default privacy level is "mask"; @datadog\/browser-rum 7\.16\.2 defaults to "mask-user-input"/);
    const set = privacySettings(config({ defaultPrivacyLevel: 'mask' })).find((s) => s.label === 'Default privacy level')!;
    expect(set.docsDiffer).toBeUndefined();
  });
});

describe('Datadog recorder configs', () => {
  it('validates options with its own schema, unknown keys and levels failing', () => {
    expect(config({ defaultPrivacyLevel: 'allow' })).toMatchObject({ recorder: 'datadog', options: { defaultPrivacyLevel: 'allow' } });
    expect(() => config({ defaultPrivacyLevel: 'everything' })).toThrow(ConfigError);
    expect(() => config({ sessionReplaySampleRate: 100 })).toThrow(/unknown key "sessionReplaySampleRate"/);
  });

  it('no route blocking; network while trackResources is on; errors always', () => {
    expect(capabilitiesOfConfig(fixture('datadog-default'))).toEqual({ routeBlocking: false, networkRecording: true, errorRecording: true });
    expect(capabilitiesOfConfig(config({ trackResources: false })).networkRecording).toBe(false);
  });

  it('selectors follow the level: the default masks inputs only, allow masks only the always-masked input types, mask masks all text', () => {
    expect(privacySelectors(fixture('datadog-default'))).toMatchObject({ maskAllText: false, maskInputs: 'all' });
    expect(privacySelectors(fixture('datadog-leaky'))).toMatchObject({ maskAllText: false, maskInputs: ['password', 'email', 'tel', 'hidden'] });
    expect(privacySelectors(config({ defaultPrivacyLevel: 'mask' }))).toMatchObject({ maskAllText: true, maskInputs: 'all', unmaskText: expect.stringContaining('[data-dd-privacy="allow"]') });
  });

  it('the leaky config turns action names to element text and the level to allow, and says so', () => {
    const settings = privacySettings(fixture('datadog-leaky'));
    expect(settings.find((s) => s.label === 'Default privacy level')!.value).toMatch(/^allow: text and inputs recorded as shown/);
    expect(settings.find((s) => s.label === 'Action names')!.value).toMatch(/from the clicked element's text, unmasked/);
    expect(privacySettings(fixture('datadog-default')).find((s) => s.label === 'Action names')!.value).toMatch(/by the privacy level/);
  });
});

describe("observe mode: the harness's visibilitychange reaches an SDK that ignores untrusted events", () => {
  it("marks a script-dispatched visibilitychange on the document with the SDK's own __ddIsTrusted, and nothing else", async () => {
    const { runInNewContext } = await import('node:vm');
    const { DATADOG_OBSERVE_INIT_SCRIPT } = await import('../../../../src/recorder/vendors/datadog/index.ts');
    const original = EventTarget.prototype.dispatchEvent;
    try {
      const document = new EventTarget();
      const other = new EventTarget();
      runInNewContext(DATADOG_OBSERVE_INIT_SCRIPT, { EventTarget, document });
      const seen: [string, unknown][] = [];
      const listen = (target: EventTarget, type: string) => target.addEventListener(type, (event) => seen.push([type, (event as Event & { __ddIsTrusted?: boolean }).__ddIsTrusted]));
      listen(document, 'visibilitychange');
      listen(document, 'click');
      listen(other, 'visibilitychange');
      document.dispatchEvent(new Event('visibilitychange'));
      document.dispatchEvent(new Event('click'));
      other.dispatchEvent(new Event('visibilitychange'));
      expect(seen).toEqual([['visibilitychange', true], ['click', undefined], ['visibilitychange', undefined]]);
    } finally {
      EventTarget.prototype.dispatchEvent = original;
    }
  });
});
