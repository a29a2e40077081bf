import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, PACKAGED_CHROMIUM_ENV, packagedChromiumSupported, preparePackagedChromium, resolveBrowser, systemChromiumPaths } from '../../../src/browser/resolve-browser.ts';
import { BrowserNotFoundError } from '../../../src/errors.ts';

const probe = (files: string[], env: Record<string, string> = {}, managed?: string) => ({
  env,
  exists: (path: string) => files.includes(path),
  playwrightChromium: () => managed,
});

describe('browser resolution', () => {
  it("prefers an explicit MASKPROOF_CHROMIUM, then CHROME_PATH", () => {
    expect(resolveBrowser(probe(['/opt/c', '/usr/bin/chromium'], { MASKPROOF_CHROMIUM: '/opt/c' }, '/pw/chrome')).executablePath).toBe('/opt/c');
    expect(resolveBrowser(probe(['/opt/chrome'], { CHROME_PATH: '/opt/chrome' })).source).toBe('env');
  });

  it('fails loudly when the override points nowhere, instead of testing another browser', () => {
    expect(() => resolveBrowser(probe(['/usr/bin/chromium'], { MASKPROOF_CHROMIUM: '/nope' }))).toThrow(/MASKPROOF_CHROMIUM points to \/nope/);
  });

  it("uses Playwright's own Chromium when installed", () => {
    const found = resolveBrowser(probe(['/pw/chrome', '/usr/bin/chromium'], {}, '/pw/chrome'));
    expect(found).toEqual({ executablePath: undefined, source: 'playwright', args: CHROMIUM_ARGS });
  });

  it('falls back to a system Chromium', () => {
    expect(resolveBrowser(probe(['/usr/bin/google-chrome'], {}, '/pw/missing')).executablePath).toBe('/usr/bin/google-chrome');
  });

  it('says what to install when there is none', () => {
    let error: unknown;
    try {
      resolveBrowser(probe([]));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(BrowserNotFoundError);
    expect((error as BrowserNotFoundError).hint).toMatch(/apt-get install -y chromium/);
    // Where Playwright's download host can be reached, its own Chromium is one command away.
    expect((error as BrowserNotFoundError).hint).toMatch(/npx playwright install chromium/);
    expect((error as BrowserNotFoundError).message).toMatch(/@sparticuz\/chromium/);
    expect((error as BrowserNotFoundError).exitCode).toBe(2);
  });

  it('launches with the container-safe flags', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-gpu', '--disable-background-networking']));
  });

  it('MASKPROOF_SYSTEM_CHROMIUM_PATHS replaces the system paths (empty: none)', () => {
    expect(systemChromiumPaths({ MASKPROOF_SYSTEM_CHROMIUM_PATHS: '' })).toEqual([]);
    expect(systemChromiumPaths({ MASKPROOF_SYSTEM_CHROMIUM_PATHS: '/a:/b' })).toEqual(['/a', '/b']);
    expect(systemChromiumPaths({})).toContain('/usr/bin/chromium');
    expect(() => resolveBrowser(probe(['/usr/bin/chromium'], { MASKPROOF_SYSTEM_CHROMIUM_PATHS: '' }))).toThrow(BrowserNotFoundError);
  });

  it('uses the packaged Chromium last, once the CLI has unpacked it', () => {
    expect(resolveBrowser(probe(['/tmp/chromium'], { [PACKAGED_CHROMIUM_ENV]: '/tmp/chromium' }))).toEqual({ executablePath: '/tmp/chromium', source: 'packaged', args: CHROMIUM_ARGS });
    // A system Chromium comes before it.
    expect(resolveBrowser(probe(['/tmp/chromium', '/usr/bin/chromium'], { [PACKAGED_CHROMIUM_ENV]: '/tmp/chromium' })).source).toBe('system');
    // A stale path (the temp directory was cleaned) is not a browser.
    expect(() => resolveBrowser(probe([], { [PACKAGED_CHROMIUM_ENV]: '/tmp/chromium' }))).toThrow(BrowserNotFoundError);
  });

  it('unpacks the packaged Chromium only when nothing else is found, and publishes its path', async () => {
    let unpacked = 0;
    const loader = { supported: () => true, executablePath: async () => (unpacked++, '/tmp/chromium') };
    const found = await preparePackagedChromium(probe(['/usr/bin/chromium']), loader);
    expect(found.source).toBe('system');
    expect(unpacked).toBe(0);
    const env: Record<string, string> = {};
    const files: string[] = [];
    const packaged = await preparePackagedChromium({ env, exists: (p) => files.includes(p) || (unpacked > 0 && p === '/tmp/chromium'), playwrightChromium: () => undefined }, loader);
    expect(packaged).toEqual({ executablePath: '/tmp/chromium', source: 'packaged', args: CHROMIUM_ARGS });
    expect(env[PACKAGED_CHROMIUM_ENV]).toBe('/tmp/chromium');
    expect(unpacked).toBe(1);
  });

  it('never falls back to the packaged Chromium past a broken override', async () => {
    const loader = { supported: () => true, executablePath: async () => '/tmp/chromium' };
    await expect(preparePackagedChromium(probe(['/tmp/chromium'], { MASKPROOF_CHROMIUM: '/nope' }), loader)).rejects.toThrow(/MASKPROOF_CHROMIUM points to \/nope/);
  });

  it('says why the packaged Chromium could not be used', async () => {
    const missing = { supported: () => true, executablePath: async () => { throw new Error("Cannot find package '@sparticuz/chromium'"); } };
    await expect(preparePackagedChromium(probe([]), missing)).rejects.toThrow(/not installed \(npm install --omit=optional skips it\)/);
    const otherArch = { supported: () => false, executablePath: async () => '/tmp/chromium' };
    await expect(preparePackagedChromium(probe([]), otherArch)).rejects.toThrow(/binary is for Linux x64/);
    expect(packagedChromiumSupported('linux', 'x64')).toBe(true);
    expect(packagedChromiumSupported('darwin', 'arm64')).toBe(false);
  });
});
