import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The npm package whose Chromium maskproof falls back to (an optional dependency, Linux x64 only). */
export const PACKAGED_CHROMIUM = '@sparticuz/chromium';

/**
 * Set by the CLI to the packaged Chromium it decompressed, for the Playwright config and workers
 * (their browser lookup is synchronous; decompressing is not).
 */
export const PACKAGED_CHROMIUM_ENV = 'MASKPROOF_PACKAGED_CHROMIUM';

export type BrowserSource = 'env' | 'playwright' | 'system' | 'packaged';

export interface ResolvedBrowser {
  /** undefined means Playwright's own managed Chromium. */
  executablePath: string | undefined;
  source: BrowserSource;
  args: string[];
}

/** How each source is named in the terminal and in results.json. */
export const BROWSER_SOURCE_LABELS: Record<BrowserSource, string> = {
  env: 'MASKPROOF_CHROMIUM / CHROME_PATH',
  playwright: "Playwright's own Chromium",
  system: 'system Chromium',
  packaged: `packaged Chromium (npm ${PACKAGED_CHROMIUM})`,
};

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
 * Where to look for a system Chromium. MASKPROOF_SYSTEM_CHROMIUM_PATHS (colon-separated; empty for
 * none) replaces the list: tests use it to hide the system browser without uninstalling it.
 */
export function systemChromiumPaths(env: NodeJS.ProcessEnv = process.env): string[] {
  const override = env.MASKPROOF_SYSTEM_CHROMIUM_PATHS;
  return override === undefined ? SYSTEM_CHROMIUM_PATHS : override.split(':').filter(Boolean);
}

/** The packaged Chromium's binary runs on Linux x64 only. */
export function packagedChromiumSupported(platform: string = process.platform, arch: string = process.arch): boolean {
  return platform === 'linux' && arch === 'x64';
}

function notFound(env: NodeJS.ProcessEnv, why?: string): BrowserNotFoundError {
  return new BrowserNotFoundError(
    `no Chromium found (looked for MASKPROOF_CHROMIUM, CHROME_PATH, Playwright's own, ${systemChromiumPaths(env).join(', ') || 'no system path'}, and the packaged one from npm ${PACKAGED_CHROMIUM}${why ? `: ${why}` : ''})`,
    "Install one: `npx playwright install chromium` downloads Playwright's own (it needs to reach Playwright's download host), " +
      `\`npm install ${PACKAGED_CHROMIUM}\` brings one from the npm registry (Linux x64), or on Debian/Ubuntu \`apt-get install -y chromium\`; or set MASKPROOF_CHROMIUM to a Chromium executable.`,
  );
}

/**
 * Finds a Chromium to drive. An explicit MASKPROOF_CHROMIUM (or CHROME_PATH) wins: an override
 * that silently fell back would test a different browser than the user asked for. Then Playwright's
 * own Chromium if `npx playwright install` ran, then a system Chromium, then the packaged one the
 * CLI decompressed (MASKPROOF_PACKAGED_CHROMIUM; see preparePackagedChromium).
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
  const system = systemChromiumPaths(probe.env).find((path) => probe.exists(path));
  if (system) return { executablePath: system, source: 'system', args: CHROMIUM_ARGS };
  const packaged = probe.env[PACKAGED_CHROMIUM_ENV];
  if (packaged && probe.exists(packaged)) return { executablePath: packaged, source: 'packaged', args: CHROMIUM_ARGS };
  throw notFound(probe.env);
}

/** The package.json of the package that holds `file`. */
function packageJsonAbove(file: string): { version: string } {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'package.json');
    if (!existsSync(candidate)) continue;
    const pkg = JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string; version: string };
    if (pkg.name === PACKAGED_CHROMIUM) return pkg;
  }
  throw new Error(`no package.json of ${PACKAGED_CHROMIUM} above ${file}`);
}

interface PackagedLoader {
  supported: () => boolean;
  /** Decompresses the packaged Chromium (once per machine: it stays in the temp directory) and returns its path. */
  executablePath: () => Promise<string>;
}

const defaultLoader: PackagedLoader = {
  supported: () => packagedChromiumSupported(),
  executablePath: async () => {
    const mod = (await import(PACKAGED_CHROMIUM)) as { default: { executablePath: () => Promise<string> } };
    // The package unpacks into the temp directory (os.tmpdir(), read at each call) and reuses whatever
    // <tmp>/chromium it finds there, of any version, even one another process is still writing. So
    // it unpacks into a private staging directory that is then renamed, whole, to a directory named
    // after the package version: a half-written or stale binary is never run.
    const { version } = packageJsonAbove(fileURLToPath(import.meta.resolve(PACKAGED_CHROMIUM)));
    const home = join(tmpdir(), `maskproof-chromium-${version}`);
    const binary = join(home, 'chromium');
    if (existsSync(binary)) return binary;
    const staging = mkdtempSync(join(tmpdir(), `maskproof-chromium-${version}-staging-`));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = staging;
    try {
      const unpacked = await mod.default.executablePath();
      if (unpacked !== join(staging, 'chromium')) throw new Error(`${PACKAGED_CHROMIUM} unpacked to ${unpacked}, not into ${staging}`);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    try {
      renameSync(staging, home);
    } catch (error) {
      // Another process got there first: use its copy.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(binary)) throw error;
    }
    return binary;
  },
};

/**
 * resolveBrowser, and where it finds none, the packaged Chromium: decompressed (2-5 s the first
 * time, then reused from the temp directory) and published in MASKPROOF_PACKAGED_CHROMIUM so the
 * Playwright config and its workers, which inherit the environment, find the same binary.
 */
export async function preparePackagedChromium(probe: Probe = defaultProbe, loader: PackagedLoader = defaultLoader): Promise<ResolvedBrowser> {
  try {
    return resolveBrowser(probe);
  } catch (error) {
    // An override that points nowhere stays an error: never test another browser than the one asked for.
    if (probe.env.MASKPROOF_CHROMIUM || probe.env.CHROME_PATH) throw error;
  }
  if (!loader.supported()) throw notFound(probe.env, `its binary is for Linux x64, this is ${process.platform} ${process.arch}`);
  let path: string;
  try {
    path = await loader.executablePath();
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    throw notFound(probe.env, /Cannot find (module|package)/.test(message) ? 'it is not installed (npm install --omit=optional skips it)' : `it could not be unpacked: ${message.split('\n')[0]}`);
  }
  probe.env[PACKAGED_CHROMIUM_ENV] = path;
  return resolveBrowser(probe);
}

/** The browser as the CLI's first line names it: its path and where it was found. */
export function describeBrowser(browser: ResolvedBrowser): string {
  return `${browser.executablePath ?? "Playwright's Chromium"} (${BROWSER_SOURCE_LABELS[browser.source]})`;
}
