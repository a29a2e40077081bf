import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import type { ResolvedBrowser } from '../browser/resolve-browser.ts';
import { ConfigError, HarnessError } from '../errors.ts';
import { type RecorderConfig, isRrwebConfig } from '../config/recorder-config.ts';

/** The lock a run holds on its report directory while Playwright writes into it. */
export const LOCK_FILE = '.maskproof.lock';

const shown = (dir: string) => relative(process.cwd(), dir) || '.';
const firstLine = (error: unknown) => ((error as Error).message ?? String(error)).replace(/\u001b\[[0-9;]*m/g, '').split('\n').find((l) => l.trim())?.trim() ?? String(error);

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Creates the report directory and takes its lock, before Playwright starts: a directory that cannot be
 * written is one line, exit 2, not Playwright's mkdir stack trace; a second run into the same directory
 * stops and says which run holds it (two runs there would wipe each other's artifacts). A lock left by a
 * run that died (its pid is gone) is taken over. Returns the release function (also run at exit).
 */
export function lockReportDir(dir: string): () => void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new HarnessError(`the report directory ${shown(dir)} cannot be created (${firstLine(error)})`, 'Pass --report DIR (or MASKPROOF_REPORT_DIR) with a directory you can write to.');
  }
  const file = join(dir, LOCK_FILE);
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, 'wx');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' || attempt > 0) {
        throw new HarnessError(`the report directory ${shown(dir)} is not writable (${firstLine(error)})`, 'Pass --report DIR (or MASKPROOF_REPORT_DIR) with a directory you can write to.');
      }
      const pid = Number.parseInt(readFileSync(file, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && alive(pid)) {
        throw new HarnessError(`another maskproof run (pid ${pid}) is writing to ${shown(dir)}`, 'Wait for it to finish, or give this run its own --report DIR.');
      }
      rmSync(file, { force: true });
      continue;
    }
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      process.off('exit', release);
      try {
        if (Number.parseInt(readFileSync(file, 'utf8'), 10) === process.pid) rmSync(file, { force: true });
      } catch {
        // Already gone.
      }
    };
    process.on('exit', release);
    return release;
  }
}

/**
 * Launches the browser once, before Playwright: one that exists but cannot start (a broken executable,
 * a missing library) is a harness fault, exit 2 before any row, not five FAIL rows that read as leaks.
 */
/** The CSS selectors a recorder config hands the recorder, by key. */
export function recorderSelectors(config: RecorderConfig): { key: string; selector: string }[] {
  if (!isRrwebConfig(config)) return [];
  return (['maskTextSelector', 'blockSelector', 'ignoreSelector'] as const)
    .map((key) => ({ key: `rrweb.${key}`, selector: config.rrweb[key] }))
    .filter((s): s is { key: string; selector: string } => typeof s.selector === 'string' && s.selector.trim() !== '');
}

/**
 * Launches the browser once, before Playwright: one that exists but cannot start (a broken executable,
 * a missing library) is a harness fault, exit 2 before any row, not five FAIL rows that read as leaks.
 * The same browser then parses the recorder config's selectors (CSS as the recorder's page will): an
 * invalid one is a config error naming its key, not rows failed as "unmasked text".
 */
export async function checkBrowserLaunches(browser: ResolvedBrowser, config?: RecorderConfig, launch: (typeof chromium)['launch'] = (options) => chromium.launch(options)): Promise<void> {
  const name = browser.executablePath ?? "Playwright's Chromium";
  let instance;
  try {
    instance = await launch({ executablePath: browser.executablePath, args: browser.args, timeout: 60_000 });
  } catch (error) {
    // The browser's own last words (its stderr in Playwright's "Browser logs"), else Playwright's first line.
    const text = ((error as Error).message ?? '').replace(/\u001b\[[0-9;]*m/g, '');
    const logs = text.split('Call log:')[0]!.split('\n').filter((l) => /^\[pid=\d+\]\[(err|out)\]/.test(l)).map((l) => l.replace(/^\[pid=\d+\]\[(err|out)\]\s*/, '').trim()).filter(Boolean);
    const exited = /exitCode=(\d+)/.exec(text)?.[1];
    const why = [logs.at(-1) ?? firstLine(error).replace(/^browserType\.launch:\s*/, ''), exited ? `exit code ${exited}` : undefined].filter(Boolean).join('; ');
    const how = browser.source === 'env'
      ? `Fix ${process.env.MASKPROOF_CHROMIUM ? 'MASKPROOF_CHROMIUM' : 'CHROME_PATH'} to point at a Chromium that starts, or unset it to let maskproof find one.`
      : 'Set MASKPROOF_CHROMIUM to a Chromium or Chrome that starts, or install one: `npx playwright install chromium`.';
    throw new HarnessError(`the browser ${name} exists but could not start (${why})`, how);
  }
  // Chromium that crashes (or is killed) during this check: Playwright can leave a pending newPage()
  // unsettled forever (node then exits 13 with no word); the disconnect is the answer instead.
  const browserGone = untilDisconnected(instance, name);
  try {
    const selectors = config ? recorderSelectors(config) : [];
    if (selectors.length === 0) return;
    const page = await Promise.race([instance.newPage(), browserGone]).catch(async (error: unknown) => {
      if (!instance.isConnected()) await browserGone;
      throw error;
    });
    const invalid = await Promise.race([browserGone, page.evaluate((list) => list.find(({ selector }) => {
      // The browser closes an unclosed [ ( or quote at the end of a selector; a recorder that joins or
      // extends it (selector + ' *') does not: unbalanced is invalid here.
      let depth = 0;
      let quote = '';
      for (let i = 0; i < selector.length; i++) {
        const c = selector[i]!;
        if (c === '\\') i++;
        else if (quote) { if (c === quote) quote = ''; }
        else if (c === '"' || c === "'") quote = c;
        else if (c === '[' || c === '(') depth++;
        else if (c === ']' || c === ')') depth--;
        if (depth < 0) return true;
      }
      if (depth !== 0 || quote) return true;
      try {
        document.createDocumentFragment().querySelector(selector);
        return false;
      } catch {
        return true;
      }
    }), selectors)]).catch(async (error: unknown) => {
      // The page's own "Target page, context or browser has been closed" when Chromium died under it: the crash is the cause.
      if (!instance.isConnected()) await browserGone;
      throw error;
    });
    if (invalid) {
      throw new ConfigError(`recorder config ${config!.source}: ${invalid.key} is not a valid CSS selector: ${JSON.stringify(invalid.selector)}`, 'Fix the selector: a recorder given an invalid selector masks nothing with it (rows would fail as unmasked text).');
    }
  } finally {
    if (instance.isConnected()) await instance.close();
  }
}

/** Rejects (one line, a next step) when `browser` disconnects: it crashed or was killed. Never resolves. */
export function untilDisconnected(browser: Pick<Browser, 'on'>, name: string): Promise<never> {
  const gone = new Promise<never>((_, fail) => {
    browser.on('disconnected', () => fail(new HarnessError(`the browser ${name} crashed or was killed while maskproof checked that it starts`, 'Run it again; if Chromium crashes again, look for the out-of-memory killer (`dmesg`) or a small /dev/shm, or choose another browser with MASKPROOF_CHROMIUM.')));
  });
  gone.catch(() => undefined);
  return gone;
}
