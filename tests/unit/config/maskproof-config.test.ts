import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findConfigFile, loadMaskproofConfig, parseMaskproofConfig, recorderOf } from '../../../src/config/maskproof-config.ts';
import { ConfigError } from '../../../src/errors.ts';

const root = resolve(import.meta.dirname, '../../..');

/** A directory with a journeys/ folder holding one journey, and the config file path inside it. */
function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'maskproof-config-'));
  mkdirSync(join(dir, 'journeys'));
  writeFileSync(join(dir, 'journeys', 'home.yaml'), 'name: home\nsteps:\n  - goto: /\n  - expect: route-risk\n');
  return join(dir, 'maskproof.config.json');
}

const good = () => ({
  baseURL: 'http://localhost:3000',
  recorder: { recorder: 'rrweb', rrweb: { maskAllInputs: true } },
  routes: [{ path: '/checkout', risk: 'medium' }],
  pii: ['#email'],
  allow: { values: ['support@example.com'], selectors: ['footer'] },
  journeys: 'journeys',
});

function errorOf(change: (config: Record<string, unknown>) => void): string {
  const config = good() as Record<string, unknown>;
  change(config);
  try {
    parseMaskproofConfig(config, project());
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).exitCode).toBe(2);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('maskproof config', () => {
  it('loads the Riverside Clinic config (TypeScript, defineConfig from maskproof/config)', async () => {
    const config = await loadMaskproofConfig(join(root, 'fixtures/app2/maskproof.config.ts'));
    expect(config.baseURL).toBe('http://127.0.0.1:{port}');
    expect(config.webServer?.waitStdout).toContain('maskproof_app_port');
    expect(config.routes.map((r) => [r.path, r.risk])).toEqual([['/', 'low'], ['/book', 'low'], ['/messages', 'medium'], ['/records', 'high']]);
    expect(config.journeyFiles.map((f) => f.replace(/^.*\//, ''))).toEqual(['book-appointment.yaml', 'records-never-recorded.yaml', 'secure-message.yaml']);
    expect(recorderOf(config)).toMatchObject({ recorder: 'rrweb', name: 'riverside-clinic', policy: { neverRecordOn: ['^/records(/|$)'] } });
  });

  it('loads a JSON config and fills in the defaults', () => {
    const file = project();
    const config = parseMaskproofConfig(good(), file);
    expect(config.routes[0]).toMatchObject({ path: '/checkout', risk: 'medium', match: '^/checkout/?$' });
    expect(config.journeyFiles).toEqual([join(file, '..', 'journeys', 'home.yaml')]);
    expect(config.recorder).toEqual({ inline: good().recorder });
  });

  it('names the key path and what it expects for each bad key', () => {
    expect(errorOf((c) => delete c.baseURL)).toMatch(/missing key "baseURL"/);
    expect(errorOf((c) => (c.baseURL = 42))).toMatch(/baseURL must be string/);
    expect(errorOf((c) => (c.baseURL = 'localhost:3000'))).toMatch(/baseURL must match pattern/);
    expect(errorOf((c) => (c.route = []))).toMatch(/unknown key "route" at \(top level\)/);
    expect(errorOf((c) => (c.routes = [{ path: '/a', risk: 'severe' }]))).toMatch(/routes\.0\.risk must be one of "high", "medium", "low"/);
    expect(errorOf((c) => (c.routes = [{ path: 'a', risk: 'low' }]))).toMatch(/routes\.0\.path must match pattern "\^\/"/);
    expect(errorOf((c) => (c.routes = [{ path: '/a', risk: 'low', match: '(' }]))).toMatch(/routes\.0\.match must be a valid regular expression/);
    expect(errorOf((c) => (c.pii = '#email'))).toMatch(/pii must be array/);
    expect(errorOf((c) => (c.allow = { selector: [] }))).toMatch(/unknown key "selector" at allow/);
    expect(errorOf((c) => (c.webServer = { url: 'http://x' }))).toMatch(/missing key "webServer\.command"/);
    expect(errorOf((c) => (c.recorder = 7))).toMatch(/recorder must be string or object/);
  });

  it('validates an inline recorder with the recorder config schema, naming the key', () => {
    expect(errorOf((c) => (c.recorder = { recorder: 'rrweb', rrweb: { maskAllInput: true } }))).toMatch(/\(key "recorder"\).*unknown key "maskAllInput" at rrweb/);
  });

  it('reports a missing recorder file or journeys directory by the key that names it', () => {
    expect(errorOf((c) => (c.recorder = './nope.json'))).toMatch(/recorder names "\.\/nope\.json", which does not exist/);
    expect(errorOf((c) => (c.journeys = 'missing'))).toMatch(/journeys names "missing", which does not exist/);
  });

  it('takes a recorder name as that recorder with its defaults', () => {
    const config = parseMaskproofConfig({ ...good(), recorder: 'posthog' }, project());
    expect(recorderOf(config)).toMatchObject({ recorder: 'posthog' });
  });

  it('finds maskproof.config.ts or .json in the working directory only when there is one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maskproof-find-'));
    expect(findConfigFile(undefined, dir)).toBeUndefined();
    expect(findConfigFile(undefined, root)).toBeUndefined(); // so `npm run qa` keeps running the bundled journeys
    writeFileSync(join(dir, 'maskproof.config.json'), '{}');
    expect(findConfigFile(undefined, dir)).toBe(join(dir, 'maskproof.config.json'));
    writeFileSync(join(dir, 'maskproof.config.ts'), 'export default {}');
    expect(findConfigFile(undefined, dir)).toBe(join(dir, 'maskproof.config.ts'));
    expect(() => findConfigFile('missing.ts', dir)).toThrow(/config file not found: missing\.ts/);
  });
});
