import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { specificErrors, strictAjv } from '../../../src/config/ajv-errors.ts';
import { parseMaskproofConfig } from '../../../src/config/maskproof-config.ts';
import { parseRecorderConfig } from '../../../src/config/recorder-config.ts';
import { ConfigError } from '../../../src/errors.ts';
import { parseJourney } from '../../../src/journeys/load-journeys.ts';

function messageOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('accepted an invalid config');
}

function configFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maskproof-all-errors-'));
  mkdirSync(join(dir, 'journeys'));
  writeFileSync(join(dir, 'journeys', 'home.yaml'), 'name: home\nsteps:\n  - goto: /\n  - expect: route-risk\n');
  return join(dir, 'maskproof.config.json');
}

describe('validation reports every error at once', () => {
  it('names every unknown vendor option, not the first only', () => {
    const message = messageOf(() => parseRecorderConfig({ recorder: 'sentry', options: { replay: { maskAllTxt: false, blockAllMeda: true, maskAllInputs: 'yes' } } }, 'x.json'));
    expect(message).toMatch(/^recorder config x\.json: 3 problems: /);
    expect(message).toContain('unknown key "maskAllTxt" at options.replay');
    expect(message).toContain('unknown key "blockAllMeda" at options.replay');
    expect(message).toContain('options.replay.maskAllInputs must be boolean');
    const posthog = messageOf(() => parseRecorderConfig({ recorder: 'posthog', options: { session_recording: { maskAllInput: true, maskTextSelectr: '*' } } }, 'p.json'));
    expect(posthog).toContain('unknown key "maskAllInput" at options.session_recording');
    expect(posthog).toContain('unknown key "maskTextSelectr" at options.session_recording');
  });

  it('keeps the most specific wording under an anyOf: the bad regexp, not "must be string"', () => {
    const message = messageOf(() => parseRecorderConfig({ recorder: 'sentry', options: { replay: { networkDetailAllowUrls: [{ regexp: '(' }], maskAllTxt: 1 } } }, 'x.json'));
    expect(message).toContain('options.replay.networkDetailAllowUrls.0.regexp is not a valid regular expression');
    expect(message).toContain('unknown key "maskAllTxt" at options.replay');
    expect(message).not.toMatch(/networkDetailAllowUrls\.0 must be string/);
    // One problem alone reads as before: no count.
    expect(messageOf(() => parseRecorderConfig({ recorder: 'sentry', options: { replay: { maskAllTxt: false } } }, 'x.json'))).toMatch(/: unknown key "maskAllTxt" at options\.replay$/);
  });

  it('lists every problem of a maskproof config', () => {
    const message = messageOf(() =>
      parseMaskproofConfig({ baseURL: 'http://localhost:3000', recorder: 'rrweb', routes: [{ path: '/a', risk: 'extreme' }, { risk: 'low' }], colour: 'blue', journeys: 'journeys' }, configFile()),
    );
    expect(message).toContain('routes.0.risk must be one of');
    expect(message).toContain('missing key "routes.1.path"');
    expect(message).toContain('unknown key "colour" at (top level)');
  });

  it('lists every problem of a journey', () => {
    const message = messageOf(() => parseJourney('name: x\nnotes: hi\nsteps:\n  - goto: /\n  - click: { selector: "#a", times: "six" }\n  - expect: route-risk\n', 'journeys/x.yaml'));
    expect(message).toMatch(/^journey journeys\/x\.yaml: \d+ problems: /);
    expect(message).toContain('unknown key "notes" at (top level)');
    expect(message).toMatch(/steps\.1\.click\.times must be/);
  });

  it('specificErrors keeps errors outside any combinator and one form per combinator', () => {
    const validate = strictAjv().compile({
      type: 'object',
      additionalProperties: false,
      properties: { a: { type: 'number' }, b: { anyOf: [{ type: 'string' }, { type: 'object', properties: { re: { type: 'string', format: 'regex' } } }] }, c: { anyOf: [{ type: 'string' }, { type: 'number' }] } },
    });
    expect(validate({ a: 'x', b: { re: '(' }, c: true, d: 1 })).toBe(false);
    const kept = specificErrors(validate.errors).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(kept).toEqual(expect.arrayContaining(['/a type', '/b/re format', ' additionalProperties']));
    expect(kept).not.toContain('/b type');
    // c fails on every branch's type: one error for it, not two.
    expect(kept.filter((k) => k.startsWith('/c '))).toEqual(['/c type']);
    expect(kept).not.toContain('/b anyOf');
  });
});
