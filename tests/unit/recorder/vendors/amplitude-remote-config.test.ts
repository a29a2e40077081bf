import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { EvaluationEngine, EvaluationOperator } from '@amplitude/experiment-core';
import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig } from '../../../../src/config/recorder-config.ts';
import { AmplitudeAdapter } from '../../../../src/recorder/vendors/amplitude/amplitude-adapter.ts';
import type { AmplitudeRecorderConfig } from '../../../../src/recorder/vendors/amplitude/config.ts';
import { TARGETING_OPERATORS, type AmplitudeTargetingFlag } from '../../../../src/recorder/vendors/amplitude/options.ts';
import { targetingCanRecord } from '../../../../src/recorder/vendors/amplitude/targeting.ts';
import { vendorOfConfig } from '../../../../src/recorder/vendors/registry.ts';
import type { VendorRequest } from '../../../../src/recorder/vendors/vendor-adapter.ts';

/**
 * Amplitude's remote sr_targeting_config, sr_interaction_config and network body capture
 * (@amplitude/session-replay-browser 1.51.6): where the SDK reads them, the schema, the harness's
 * answer, the targeting flag run through the evaluation engine the SDK bundles (@amplitude/experiment-core,
 * via @amplitude/targeting), and the body rules through the SDK's own network-body-capture.js.
 */
const require = createRequire(import.meta.url);
const sdk = (file: string) => readFileSync(join(dirname(require.resolve('@amplitude/session-replay-browser/package.json')), 'lib/esm', file), 'utf8');
const load = (name: string) => loadRecorderConfig(`fixtures/recorders/${name}.json`) as AmplitudeRecorderConfig;
const amplitude = (remoteConfig: object) => parseRecorderConfig({ recorder: 'amplitude', remoteConfig }, 'amplitude.json') as AmplitudeRecorderConfig;
const settingOf = (config: AmplitudeRecorderConfig, label: string) => vendorOfConfig(config).privacySettings(config).find((s) => s.label === label)?.value;

class TestAmplitude extends AmplitudeAdapter {
  handled(request: VendorRequest) {
    return this.handle(request);
  }
}

/** What the SDK's targeting-manager.js decides: the engine's result under the flag's key, 'on' records. */
function records(flag: AmplitudeTargetingFlag, pageUrl: string): boolean {
  const result = new EvaluationEngine().evaluate({ session_id: 1796300000000, page: { url: pageUrl }, user: {} }, [flag as never]) as Record<string, { key?: string }>;
  return result.sr_targeting_config ? result.sr_targeting_config.key === 'on' : true;
}

describe('Amplitude remote targeting and interaction config: where 1.51.6 reads them', () => {
  it('both are taken from the remote config only; targeting replaces the sample rate', () => {
    const joined = sdk('config/joined-config.js');
    expect(joined).toContain('var targetingConfig = namespaceConfig.sr_targeting_config;');
    expect(joined).toMatch(/\/\/ This is intentionally forced to only be set through the remote config\.\s+config\.interactionConfig = namespaceConfig\.sr_interaction_config;/);
    expect(joined).toContain('config.targetingConfig = targetingConfig;');
    expect(sdk('targeting/targeting-manager.js')).toContain("sessionTargetingMatch = targetingResult.sr_targeting_config.key === 'on';");
    // getShouldRecord: with targeting, the match decides; the sample rate only without it.
    expect(sdk('session-replay.js')).toMatch(/if \(this\.config\.targetingConfig\) \{\s+if \(!this\.sessionTargetingMatch\)[\s\S]*?else \{\s+var isInSample = isSessionInSample/);
    expect(sdk('session-replay.js')).toContain('this.sessionTargetingMatch = this.sessionTargetingMatch || targetingMatch;');
    expect(sdk('session-replay.js')).toMatch(/if \(!\(\(_j = this\.config\.interactionConfig\) === null \|\| _j === void 0 \? void 0 : _j\.enabled\)\) return/);
  });

  it("the schema's operators are the engine's", () => {
    expect([...TARGETING_OPERATORS].sort()).toEqual(Object.values(EvaluationOperator).sort());
  });
});

describe('Amplitude remote targeting and interaction config: schema, answer, settings', () => {
  const targeted = load('amplitude-targeted');
  const flag = targeted.remoteConfig.sr_targeting_config!;

  it('validates the flag and the interaction config; a wrong key, operator or a missing field is an error', () => {
    expect(flag.segments).toHaveLength(2);
    expect(() => amplitude({ sr_targeting_config: { ...flag, key: 'my_flag' } })).toThrow(/sr_targeting_config\.key must be "sr_targeting_config"/);
    const badOp = { ...flag, segments: [{ conditions: [[{ selector: ['context', 'page', 'url'], op: 'matches', values: ['/a'] }]], variant: 'on' }] };
    expect(() => amplitude({ sr_targeting_config: badOp })).toThrow(/op must be one of "is"/);
    expect(() => amplitude({ sr_interaction_config: { enabled: true } })).toThrow(/remoteConfig\.sr_interaction_config must have required property 'batch'/);
  });

  it('the remote config GET is answered with both, verbatim, where the SDK reads them', () => {
    const { reply } = new TestAmplitude(targeted).handled({ method: 'GET', url: 'https://amp.maskproof.invalid/config/key?config_group=browser', body: null, pageUrl: 'http://app.test/', urlLog: [] });
    const served = JSON.parse(reply.body!) as { configs: { sessionReplay: Record<string, unknown> } };
    expect(served.configs.sessionReplay.sr_targeting_config).toEqual(flag);
    expect(served.configs.sessionReplay.sr_interaction_config).toEqual({ enabled: true, batch: false });
  });

  it("the fixture's flag records sessions on /account and not on /login, as its settings line says; a flag with no 'on' segment records none", () => {
    expect(records(flag, 'http://app.test/account')).toBe(true);
    expect(records(flag, 'http://app.test/login')).toBe(false);
    expect(targetingCanRecord(flag)).toBe(true);
    const never: AmplitudeTargetingFlag = { ...flag, segments: [{ variant: 'off' }] };
    expect(records(never, 'http://app.test/account')).toBe(false);
    expect(targetingCanRecord(never)).toBe(false);
    expect(settingOf(targeted, 'Sessions recorded')).toMatch(/^only sessions the remote sr_targeting_config puts on 'on' \(page\.url contains \/account → 'on'; otherwise → 'off'\); .*every later page included/);
    expect(settingOf(amplitude({ sr_targeting_config: never }), 'Sessions recorded')).toMatch(/^NONE/);
  });

  it('heatmap clicks: sent only when the remote config turns them on, and the line says what each carries', () => {
    expect(settingOf(targeted, 'Heatmap clicks')).toMatch(/^sent \(remote sr_interaction_config; type=interaction requests\): each click's x\/y, the CSS selector .* and the page URL, query included/);
    expect(settingOf(load('amplitude-default'), 'Heatmap clicks')).toBe('not sent (only the remote sr_interaction_config turns them on)');
    expect(settingOf(load('amplitude-default'), 'Sessions recorded')).toMatch(/the harness sets 1/);
  });
});

type BodyRule = boolean | { enabled?: boolean; allowlist?: string[]; excludelist?: string[] };
const bodyCapture = (await import(join(dirname(require.resolve('@amplitude/session-replay-browser/package.json')), 'lib/esm/network-body-capture.js'))) as {
  isBodyCaptureEnabled(rule: BodyRule | undefined): boolean;
  captureSerializedBody(body: string, rule: BodyRule, max: number, truncate: (v: string, m: number) => { value: string; truncated: boolean }): { value: string };
};

describe('Amplitude remote network body capture (sr_logging_config.network.body)', () => {
  const networkLine = (body: object) => settingOf(amplitude({ sr_logging_config: { network: { enabled: true, body } } }), 'Network');

  it('the SDK records bodies from the remote network config only, with its own rule for "on"; the Network line agrees on each', () => {
    expect(sdk('observers.js')).toMatch(/bodyConfig = \(_a = this\.networkConfig\) === null \|\| _a === void 0 \? void 0 : _a\.body;\s+if \(bodyConfig && isBodyCaptureEnabled\(bodyConfig\.request\)\)/);
    expect(sdk('session-replay.js')).toContain('networkLoggingConfig = (_b = config.loggingConfig) === null || _b === void 0 ? void 0 : _b.network;');
    const rules: (BodyRule | undefined)[] = [undefined, true, false, {}, { enabled: false }, { enabled: true, allowlist: ['/id'] }];
    for (const rule of rules) {
      const line = networkLine(rule === undefined ? {} : { request: rule });
      expect(line?.includes('BODIES recorded: request'), JSON.stringify(rule)).toBe(bodyCapture.isBodyCaptureEnabled(rule));
    }
  });

  it('an allowlist keeps only its JSON paths: the SDK drops the rest of the checkout body', () => {
    const body = JSON.stringify({ 'full-name': 'Ada Quill', 'card-number': '4111111111111111', orderId: 'A-1' });
    const kept = bodyCapture.captureSerializedBody(body, { allowlist: ['/orderId'] }, 10_000, (value) => ({ value, truncated: false })).value;
    expect(JSON.parse(kept)).toEqual({ orderId: 'A-1' });
    expect(networkLine({ request: { allowlist: ['/orderId'] } })).toMatch(/BODIES recorded: request keeping \/orderId$/);
  });

  it('amplitude-remote-bodies: the code of amplitude-conservative; the remote side records both bodies; unknown keys are errors', () => {
    const bodies = load('amplitude-remote-bodies');
    expect(bodies.options).toEqual(load('amplitude-conservative').options);
    expect(settingOf(bodies, 'Network')).toBe('request URLs, methods, statuses and request headers recorded (remote sr_logging_config); BODIES recorded: request whole, response whole');
    expect(vendorOfConfig(bodies).privacySelectors(bodies)).toMatchObject({ maskAllText: true, maskInputs: 'all' });
    expect(() => amplitude({ sr_logging_config: { network: { enabled: true, body: { requests: true } } } })).toThrow(/unknown key "requests" at remoteConfig\.sr_logging_config\.network\.body/);
  });
});

const { getPageUrl } = (await import(join(dirname(require.resolve('@amplitude/session-replay-browser/package.json')), 'lib/esm/helpers.js'))) as {
  getPageUrl(url: string, rules: { selector: string; replacement: string }[]): string;
};

describe("Amplitude's local ugcFilterRules (interactionConfig), against the SDK's own getPageUrl", () => {
  const rules = [{ selector: 'http://*/account?*', replacement: 'http://app/account?[redacted]' }];
  const withRules = (remoteConfig: object) => parseRecorderConfig({ recorder: 'amplitude', options: { interactionConfig: { ugcFilterRules: rules } }, remoteConfig }, 'amplitude.json') as AmplitudeRecorderConfig;

  it('the first matching glob rewrites the page URL a click record carries; an unmatched URL is sent as is', () => {
    expect(getPageUrl('http://127.0.0.1:4100/account?token=s3cr3t', rules)).toBe('http://app/account?[redacted]');
    expect(getPageUrl('http://127.0.0.1:4100/login?token=s3cr3t', rules)).toBe('http://127.0.0.1:4100/login?token=s3cr3t');
  });

  it('the rules are kept only when the remote config serves sr_interaction_config: the Heatmap line says which', () => {
    expect(sdk('config/joined-config.js')).toMatch(/var ugcFilterRules = \(_a = config\.interactionConfig\) === null[\s\S]*?config\.interactionConfig = namespaceConfig\.sr_interaction_config;\s+if \(config\.interactionConfig && ugcFilterRules\) \{\s+config\.interactionConfig\.ugcFilterRules = ugcFilterRules;/);
    expect(settingOf(withRules({}), 'Heatmap clicks')).toBe("not sent (only the remote sr_interaction_config turns them on); the code's 1 ugcFilterRules do nothing without the remote sr_interaction_config (joined-config.js keeps them only then)");
    expect(settingOf(withRules({ sr_interaction_config: { enabled: true, batch: true } }), 'Heatmap clicks')).toMatch(/, batched per hour\): .* and the page URL as rewritten by the first matching ugcFilterRule \(http:\/\/\*\/account\?\*\), else as is, query included$/);
    expect(() => parseRecorderConfig({ recorder: 'amplitude', options: { interactionConfig: { enabled: true } } }, 'amplitude.json')).toThrow(/unknown key "enabled" at options\.interactionConfig/);
  });
});
