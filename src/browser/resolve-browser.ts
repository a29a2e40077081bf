import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { BrowserNotFoundError } from '../errors.ts';

/** Flags for Chromium as root in a container with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const SYSTEM_CHROMIUM_PATHS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export interface ResolvedBrowser {
  /** undefined means Playwright's own managed Chromium. */
  executablePath: string | undefined;
  source: 'env' | 'playwright' | 'system';
  args: string[];
}

interface Probe {
  env: NodeJS.ProcessEnv;
  exists: (path: string) => boolean;
  playwrightChromium: () => string | undefined;
}

const defaultProbe: Probe = {
  env: process.env,
  exists: existsSync,
  playwrightChromium: () => {
    try {
      return chromium.executablePath();
    } catch {
      return undefined;
    }
  },
};

/**
 * Finds a Chromium to drive. An explicit MASKPROOF_CHROMIUM (or CHROME_PATH) wins: an override
 * that silently fell back would test a different browser than the user asked for. Then Playwright's
 * own Chromium if `npx playwright install` ran, then a system Chromium.
 */
export function resolveBrowser(probe: Probe = defaultProbe): ResolvedBrowser {
  const override = probe.env.MASKPROOF_CHROMIUM || probe.env.CHROME_PATH;
  if (override) {
    if (!probe.exists(override)) {
      const name = probe.env.MASKPROOF_CHROMIUM ? 'MASKPROOF_CHROMIUM' : 'CHROME_PATH';
      throw new BrowserNotFoundError(
        `${name} points to ${override}, which does not exist`,
        `Set ${name} to the path of a Chromium or Chrome executable, or unset it to let maskproof find one.`,
      );
    }
    return { executablePath: override, source: 'env', args: CHROMIUM_ARGS };
  }
  const managed = probe.playwrightChromium();
  if (managed && probe.exists(managed)) return { executablePath: undefined, source: 'playwright', args: CHROMIUM_ARGS };
  const system = SYSTEM_CHROMIUM_PATHS.find((path) => probe.exists(path));
  if (system) return { executablePath: system, source: 'system', args: CHROMIUM_ARGS };
  throw new BrowserNotFoundError(
    'no Chromium found (looked for Playwright\'s own, MASKPROOF_CHROMIUM, CHROME_PATH, and ' + SYSTEM_CHROMIUM_PATHS.join(', ') + ')',
    'Install one: `npx playwright install chromium`, or on Debian/Ubuntu `apt-get install -y chromium`; or set MASKPROOF_CHROMIUM to a Chromium executable.',
  );
}
