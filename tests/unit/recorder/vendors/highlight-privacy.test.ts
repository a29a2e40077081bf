import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig } from '../../../../src/config/recorder-config.ts';
import { createSyntheticData } from '../../../../src/data/synthetic-data.ts';
import { ConfigError } from '../../../../src/errors.ts';
import { capabilitiesOfConfig } from '../../../../src/recorder/vendors/capabilities.ts';
import type { HighlightRecorderConfig } from '../../../../src/recorder/vendors/highlight/config.ts';
import { highlightVendor } from '../../../../src/recorder/vendors/highlight/index.ts';
import { DEFAULT_OBFUSCATE_PATTERNS, DOCS_DEFAULT_CLAIM, HIGHLIGHT_VERSION, highlightSelectors, highlightSettings, obfuscatedByDefault } from '../../../../src/recorder/vendors/highlight/privacy.ts';
import { installedVersion } from '../../../../src/recorder/vendors/page-bundle.ts';
import { root } from '../../../helpers/run-cli.ts';

// What highlight.run ships, read from the code in node_modules (the bundled dist the page entry
// imports), next to what its docs say.
const dist = join(root, 'node_modules/highlight.run/dist');
const recordChunk = readFileSync(join(dist, readdirSync(dist).find((f) => /^record-.*\.js$/.test(f))!), 'utf8');
const indexJs = readFileSync(join(dist, 'index.js'), 'utf8');
const typings = readFileSync(join(dist, 'index.d.ts'), 'utf8');

const config = (options: HighlightRecorderConfig['options']): HighlightRecorderConfig => ({ name: 'x', source: 'x.json', recorder: 'highlight', options });

/** The regex literals of the array the rrweb fork's shouldObfuscateTextByDefault tests (`X = [a, b, ...]` of seven `new RegExp(/…/)`). */
function shippedPatterns(): string[] {
  const end = recordChunk.indexOf('.some((t) => t.test(e))');
  const start = recordChunk.lastIndexOf('return e === "img"', end);
  expect(start).toBeGreaterThan(0);
  const block = recordChunk.slice(start, end);
  return [...block.matchAll(/new RegExp\(\s*\/(.+?)\/\s*\)/g)].map((m) => m[1]!);
}

describe('Highlight privacy: the code in node_modules against the docs', () => {
  it(`the version read is ${HIGHLIGHT_VERSION}`, () => {
    expect(installedVersion('highlight.run')).toBe(HIGHLIGHT_VERSION);
  });

  it("'default' obfuscates text by exactly the 7 regexes the shipped code tests", () => {
    expect(shippedPatterns()).toEqual(DEFAULT_OBFUSCATE_PATTERNS.map((p) => p.regex.source));
    expect(DEFAULT_OBFUSCATE_PATTERNS).toHaveLength(7);
  });

  it("H.init's privacySetting defaults to 'default' in the shipped code; enableStrictPrivacy is read nowhere", () => {
    expect(indexJs).toMatch(/this\.privacySetting = \((\w+) = \w+\.privacySetting\) != null \? \1 : "default"/);
    expect(indexJs.includes('enableStrictPrivacy') || recordChunk.includes('enableStrictPrivacy')).toBe(false);
  });

  it('the docs promise PII text is redacted: quoted from the shipped typings, and set as docsDiffer on the page-text line', () => {
    expect(typings).toContain('default - Highlight will redact text data on the page that is associated with personal identifiable data');
    const text = highlightSettings(config({})).find((s) => s.label === 'Page text')!;
    expect(text.docsDiffer).toContain(DOCS_DEFAULT_CLAIM.jsdoc);
    expect(text.docsDiffer).toContain(HIGHLIGHT_VERSION);
    expect(text.value).toMatch(/7 patterns/);
    // Only where the docs and the code part: 'strict' and 'none' do what they say.
    for (const privacySetting of ['strict', 'none'] as const) expect(highlightSettings(config({ privacySetting })).some((s) => s.docsDiffer)).toBe(false);
    expect(highlightSettings(config({ enableStrictPrivacy: true })).find((s) => s.label === 'enableStrictPrivacy')).toMatchObject({ value: expect.stringMatching(/^ignored/), docsDiffer: expect.any(String) });
  });

  it("what 'default' leaves readable: the planted name and the admin users' names match none of the 7; email, phone, SSN and card do", () => {
    const data = createSyntheticData(7, 'vendor-payloads');
    expect(obfuscatedByDefault(data.person.fullName)).toBe(false);
    for (const user of data.adminUsers) expect(obfuscatedByDefault(user.fullName), user.fullName).toBe(false);
    for (const value of [data.person.email, data.person.phone, data.person.ssn, data.person.cardNumber]) expect(obfuscatedByDefault(value), value).toBe(true);
    expect(obfuscatedByDefault('Signed in as')).toBe(false);
  });

  it("selectors: inputs all masked under 'default' and 'strict', only passwords under 'none'; all text only under 'strict'", () => {
    expect(highlightSelectors(config({}))).toMatchObject({ maskInputs: 'all', maskAllText: false, block: '.highlight-block', maskText: '.highlight-mask' });
    expect(highlightSelectors(config({ privacySetting: 'strict' }))).toMatchObject({ maskInputs: 'all', maskAllText: true });
    expect(highlightSelectors(config({ privacySetting: 'none' }))).toMatchObject({ maskInputs: ['password'], maskAllText: false });
    expect(highlightSelectors(config({ privacySetting: 'none', maskAllInputs: true })).maskInputs).toBe('all');
  });

  it('capabilities: no route blocking ever, network on by default and off when turned off, errors recorded', () => {
    expect(capabilitiesOfConfig(loadRecorderConfig('fixtures/recorders/highlight-default.json'))).toEqual({ routeBlocking: false, networkRecording: true, errorRecording: true });
    expect(capabilitiesOfConfig(loadRecorderConfig('fixtures/recorders/highlight-leaky.json')).networkRecording).toBe(true);
    expect(highlightVendor.capabilities(config({ networkRecording: false })).networkRecording).toBe(false);
    expect(highlightVendor.capabilities(config({ disableNetworkRecording: true })).networkRecording).toBe(false);
    expect(highlightVendor.capabilities(config({ networkRecording: { enabled: false } })).networkRecording).toBe(false);
    expect(highlightVendor.noRouteBlocking(config({}))).toMatch(/no option to leave routes unrecorded/);
  });

  it('the configs load with their own options; a mistyped option names its key path', () => {
    const leaky = loadRecorderConfig('fixtures/recorders/highlight-leaky.json') as HighlightRecorderConfig;
    expect(leaky.options).toEqual({ privacySetting: 'none', networkRecording: { enabled: true, recordHeadersAndBody: true } });
    expect((loadRecorderConfig('fixtures/recorders/highlight-default.json') as HighlightRecorderConfig).options).toEqual({});
    const problem = (raw: unknown) => {
      try {
        parseRecorderConfig(raw, 'x.json');
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).message;
      }
      throw new Error('accepted');
    };
    expect(problem({ recorder: 'highlight', options: { privacySettings: 'none' } })).toMatch(/unknown key "privacySettings" at options$/);
    expect(problem({ recorder: 'highlight', options: { privacySetting: 'off' } })).toMatch(/options\.privacySetting/);
  });
});
