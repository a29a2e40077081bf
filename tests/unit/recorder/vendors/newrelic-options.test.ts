import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig } from '../../../../src/config/recorder-config.ts';
import type { NewrelicRecorderConfig } from '../../../../src/recorder/vendors/newrelic/config.ts';
import { NEWRELIC_EVENT_TYPES, type NewrelicObfuscateRule } from '../../../../src/recorder/vendors/newrelic/options.ts';
import { vendorOfConfig } from '../../../../src/recorder/vendors/registry.ts';

/**
 * New Relic browser agent 1.322.0 options the harness drives: obfuscate rules (run through the agent's
 * own Obfuscator from node_modules), session_replay.autoStart, and the RUM answer's error-only mode
 * (srs 2). The live runs are tests/e2e-vendors/vendor-newrelic-options.test.ts.
 */
// The package's exports hide package.json and src/: read them from node_modules, as newrelic-payload.test.ts does.
const agentSrc = (file: string) => readFileSync(join('node_modules/@newrelic/browser-agent/src', file), 'utf8');
const load = (name: string) => loadRecorderConfig(`fixtures/recorders/${name}.json`) as NewrelicRecorderConfig;
const newrelic = (options: object, rum: object = {}) => parseRecorderConfig({ recorder: 'newrelic', options, rum }, 'newrelic.json') as NewrelicRecorderConfig;
const settingOf = (config: NewrelicRecorderConfig, label: string) => vendorOfConfig(config).privacySettings(config).find((s) => s.label === label)?.value;

interface AgentObfuscator {
  obfuscateString(input: string): string;
}
type ObfuscatorClass = new (agent: { init: { obfuscate: unknown[] } }, eventType?: string) => AgentObfuscator;
const { Obfuscator } = (await import('@newrelic/browser-agent/src/common/util/obfuscate.js')) as { Obfuscator: ObfuscatorClass };

/** The rules as the page entry hands them to the agent: {"regexp"} becomes a global RegExp (page-entry.js). */
const asAgentRules = (rules: NewrelicObfuscateRule[]) =>
  rules.map((rule) => ({ regex: typeof rule.regex === 'string' ? rule.regex : new RegExp(rule.regex.regexp, 'g'), replacement: rule.replacement, eventFilter: rule.eventFilter }));
const thrown = 'Payment failed for Ada Quill (attempt 3)';

describe('New Relic obfuscate rules, run through the agent’s own Obfuscator', () => {
  it('newrelic-obfuscated: its RegExp rule scrubs the name from the message the account page throws', () => {
    const rules = asAgentRules(load('newrelic-obfuscated').options.obfuscate!);
    expect(new Obfuscator({ init: { obfuscate: rules } }, 'JavaScriptError').obfuscateString(thrown)).toBe('Payment failed for [customer] (attempt 3)');
  });

  it('newrelic-obfuscate-leaky: the same pattern as a string is replaced literally, so the name is sent; the settings line says so', () => {
    const config = load('newrelic-obfuscate-leaky');
    expect(config.options.obfuscate![0]!.regex).toBe((load('newrelic-obfuscated').options.obfuscate![0]!.regex as { regexp: string }).regexp);
    expect(new Obfuscator({ init: { obfuscate: asAgentRules(config.options.obfuscate!) } }, 'JavaScriptError').obfuscateString(thrown)).toBe(thrown);
    expect(agentSrc('common/util/obfuscate.js')).toContain("return input.replace(rule.regex, rule.replacement || '*')");
    expect(settingOf(config, 'Obfuscation rules')).toMatch(/^the literal text "\(Payment failed for \)\[\^\(\]\+" → "\$1\[customer\] " \(a string rule is not a regular expression/);
    expect(settingOf(load('newrelic-obfuscated'), 'Obfuscation rules')).toMatch(/^\/\(Payment failed for \)\[\^\(\]\+\/g → "\$1\[customer\] "; applied to what is sent beside the replay .*not to the replay's DOM events$/);
    expect(settingOf(load('newrelic-default'), 'Obfuscation rules')).toMatch(/^none: errors, trace nodes and AJAX events are sent as the page has them/);
  });

  it('eventFilter limits a rule to its event types: the schema takes the agent’s types, the agent applies it only there', () => {
    expect(agentSrc('common/constants/events.js').match(/: '([A-Za-z]+)'/g)!.map((m) => m.slice(3, -1)).sort()).toEqual([...NEWRELIC_EVENT_TYPES].sort());
    const rule: NewrelicObfuscateRule = { regex: { regexp: 'Ada Quill' }, replacement: '*', eventFilter: ['SessionTrace'] };
    const config = newrelic({ obfuscate: [rule] });
    expect(settingOf(config, 'Obfuscation rules')).toMatch(/^\/Ada Quill\/g → "\*" in SessionTrace;/);
    const agent = { init: { obfuscate: asAgentRules([rule]) } };
    expect(new Obfuscator(agent, 'JavaScriptError').obfuscateString(thrown)).toBe(thrown);
    expect(new Obfuscator(agent, 'SessionTrace').obfuscateString(thrown)).toBe('Payment failed for * (attempt 3)');
    expect(() => newrelic({ obfuscate: [{ regex: 'x', eventFilter: ['JsError'] }] })).toThrow(/obfuscate\.0\.eventFilter\.0 must be one of "AjaxRequest"/);
  });

  it('obfuscation reaches what is sent beside the replay, not the replay events: only their query attributes', () => {
    const replay = agentSrc('features/session_replay/aggregate/index.js');
    expect(replay.match(/this\.obfuscator\.\w+\(/g)).toEqual(['this.obfuscator.obfuscateString(', 'this.obfuscator.obfuscateString(']);
    expect(agentSrc('features/jserrors/aggregate/index.js')).toContain('err: this.errorObfuscator.traverseAndObfuscateEvents(aggregatorTypeToBucketsMap.err)');
  });
});

describe('New Relic: replay start and the error-only mode', () => {
  it('autoStart false defers the feature until the start API; the settings line says nothing is recorded', () => {
    expect(agentSrc('features/utils/instrument-base.js')).toMatch(/if \(agentRef\.init\[this\.featureName\]\.autoStart === false\) \{\s+this\.deferred = new Promise/);
    expect(settingOf(newrelic({ session_replay: { autoStart: false } }), 'Replay start')).toMatch(/^deferred \(session_replay\.autoStart false\): nothing is recorded/);
    expect(settingOf(load('newrelic-default'), 'Replay start')).toBe('at page load (autoStart)');
  });

  it("srs 2 records without reporting until an error, then switches to full; the sampling_rate options change nothing", () => {
    const replay = agentSrc('features/session_replay/aggregate/index.js');
    expect(replay).toContain("// ERROR mode will do this until an error is thrown, and then switch into FULL mode.");
    expect(replay).toMatch(/if \(this\.mode === MODE\.ERROR && globalScope\?\.document\.visibilityState === 'visible'\) \{\s+this\.switchToFull\(\)/);
    expect(settingOf(newrelic({}, { srs: 2 }), 'Sampling')).toBe('recorded, sent only after an error (RUM answer srs 2)');
    // The options New Relic's snippet sets are read for a metric only.
    expect(settingOf(newrelic({ session_replay: { sampling_rate: 0, error_sampling_rate: 0 } }), 'Sampling')).toBe('every session recorded (RUM answer srs 1)');
  });
});
