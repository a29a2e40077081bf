import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, resolveBrowser } from '../../../src/browser/resolve-browser.ts';
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
    expect((error as BrowserNotFoundError).exitCode).toBe(2);
  });

  it('launches with the container-safe flags', () => {
    expect(CHROMIUM_ARGS).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-gpu', '--disable-background-networking']));
  });
});
