import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromium } from '@playwright/test';
import type { RunResults } from '../../src/report/results.ts';
import { checkBrowserLaunches } from '../../src/cli/preflight.ts';
import { resolveBrowser } from '../../src/browser/resolve-browser.ts';
import { loadRecorderConfig } from '../../src/config/recorder-config.ts';
import { root, runCli } from '../helpers/run-cli.ts';

/** A harness fault: exit 2, one `maskproof:` line (and its hint), no stack trace, no privacy row. */
function expectHarnessFault(run: { status: number | null; stdout: string; stderr: string }, message: RegExp): void {
  expect(run.status).toBe(2);
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('maskproof:'));
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.stdout).not.toMatch(/ (PASS|FAIL) /);
}

const temp = (name: string) => mkdtempSync(join(tmpdir(), `maskproof-${name}-`));

describe('harness faults are exit 2, one line, before any row', () => {
  it('a browser that exists but cannot start; a report directory that cannot be created; a report directory another run holds', () => {
    const broken = join(temp('browser'), 'chromium');
    writeFileSync(broken, '#!/bin/sh\necho "error while loading shared libraries: libnss3.so" >&2\nexit 127\n');
    chmodSync(broken, 0o755);
    const browser = runCli(['run'], { MASKPROOF_CHROMIUM: broken });
    expectHarnessFault(browser, new RegExp(`the browser ${broken} exists but could not start \\(error while loading shared libraries: libnss3\\.so; exit code 127\\)`));
    expect(browser.stderr).toMatch(/→ Fix MASKPROOF_CHROMIUM/);

    const file = join(temp('file'), 'not-a-dir');
    writeFileSync(file, '');
    const unwritable = runCli(['run', '--report', join(file, 'report')]);
    expectHarnessFault(unwritable, /the report directory .*not-a-dir\/report cannot be created \(ENOTDIR/);

    // An invalid CSS selector in the recorder config: named at load, before any row (it used to fail every row as "unmasked text").
    const badSelector = join(temp('selector'), 'bad-selector.json');
    writeFileSync(badSelector, JSON.stringify({ name: 'bad-selector', recorder: 'rrweb', rrweb: { maskAllInputs: true, maskTextSelector: '[data-phi' } }));
    const selector = runCli(['run', '--recorder', badSelector]);
    expectHarnessFault(selector, /recorder config .*bad-selector\.json: rrweb\.maskTextSelector is not a valid CSS selector: "\[data-phi"/);

    const held = temp('held');
    writeFileSync(join(held, '.maskproof.lock'), `${process.pid}\n`);
    const second = runCli(['run', '--report', held]);
    expectHarnessFault(second, new RegExp(`another maskproof run \\(pid ${process.pid}\\) is writing to`));
    // A lock left by a dead run is not a reason to stop: the next run takes it over (here it fails on the browser, after the lock).
    writeFileSync(join(held, '.maskproof.lock'), '999999999\n');
    const stale = runCli(['run', '--report', held], { MASKPROOF_CHROMIUM: broken });
    expectHarnessFault(stale, /exists but could not start/);
    expect(existsSync(join(held, '.maskproof.lock'))).toBe(false);
  });

  it('a webServer that exits, or never prints its wait pattern: its own output and the real cause, not "no journey ran"', () => {
    const dir = temp('webserver');
    const config = (name: string, script: string) => {
      const file = join(dir, `${name}.json`);
      writeFileSync(file, JSON.stringify({
        baseURL: 'http://127.0.0.1:{port}',
        webServer: { command: `node -e "${script}"`, wait: { stdout: 'listening on http://127\\.0\\.0\\.1:(?<maskproof_app_port>\\d+)' }, timeout: 3000 },
        recorder: 'rrweb',
        journeys: join(root, 'fixtures/app2/journeys'),
      }));
      return file;
    };
    const exits = runCli(['run', '--config', config('exits', "console.log('booting clinic'); console.error('Error: DATABASE_URL is not set'); process.exit(3)")]);
    expectHarnessFault(exits, /the app server \(webServer\) failed: Process from config\.webServer was not able to start\. Exit code: 3; it printed: booting clinic \| Error: DATABASE_URL is not set/);
    expect(exits.stderr).not.toMatch(/no journey ran/);
    expect(exits.results?.serverOutput).toEqual(['[WebServer] booting clinic', '[WebServer] Error: DATABASE_URL is not set']);

    const silent = runCli(['run', '--config', config('silent', "console.log('booting, waiting for the database'); setInterval(() => {}, 1000)")]);
    expectHarnessFault(silent, /the app server \(webServer\) failed: Timed out waiting 3000ms from config\.webServer\.; it printed: booting, waiting for the database/);
    expect(silent.stderr).toMatch(/→ It never printed what webServer\.wait waits for/);
  });
});

/** The pids under `pid` (children, grandchildren, ...) with their command names. */
function descendants(pid: number): Map<number, string> {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' }).trim().split('\n').map((l) => l.trim().split(/\s+/));
  const found = new Map<number, string>();
  let frontier = [pid];
  while (frontier.length) {
    const next: number[] = [];
    for (const [p, pp, comm] of rows) if (frontier.includes(Number(pp)) && !found.has(Number(p))) { found.set(Number(p), comm ?? ''); next.push(Number(p)); }
    frontier = next;
  }
  return found;
}

/** Still running: in the process table and not a zombie (a killed child its parent has not reaped yet). */
function running(pid: number): string | undefined {
  try {
    const line = execFileSync('ps', ['-o', 'stat=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return line && !line.startsWith('Z') ? line : undefined;
  } catch {
    return undefined;
  }
}

describe('a stopped run stays stopped', () => {
  it('SIGTERM while journeys run: Playwright, its workers, Chromium and the app server are gone when maskproof exits; the report says interrupted', async () => {
    const reportDir = temp('sigterm');
    const child = spawn(process.execPath, [join(root, 'bin/maskproof.js'), 'run', '--report', reportDir], { cwd: root, env: { ...process.env, MASKPROOF_REPORT_DIR: reportDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // Wait for the event (Chromium in the run's process tree, with the app server), not for the clock.
    let tree = new Map<number, string>();
    await new Promise<void>((ready, fail) => {
      const poll = setInterval(() => {
        tree = descendants(child.pid!);
        const names = [...tree.values()];
        if (names.some((n) => n.startsWith('chrom')) && names.filter((n) => n === 'node').length >= 3) { clearInterval(poll); ready(); }
        if (child.exitCode !== null) { clearInterval(poll); fail(new Error(`run ended before Chromium started: ${stdout}${stderr}`)); }
      }, 200);
    });
    child.kill('SIGTERM');
    const code = await exited;
    const left = [...tree.keys()].map((p) => running(p)).filter(Boolean);
    expect(left).toEqual([]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/maskproof: the run was interrupted \(SIGTERM\) after \d journey row\(s\); .*results\.json says "interrupted": true/);
    expect(stderr).not.toMatch(/^\s+at /m);
    const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as RunResults;
    expect(results.interrupted).toBe(true);
    // No row that did not finish is counted as a failure (or as a pass).
    expect(results.cases.every((c) => c.reasons.every((r) => !/interrupted/.test(r)))).toBe(true);
    // The lock is released, and Playwright's raw artifacts are not in the report folder.
    expect(readdirSync(reportDir)).not.toContain('.maskproof.lock');
    expect(readdirSync(reportDir)).not.toContain('test-results');
    expect(readdirSync(reportDir)).not.toContain('playwright-report');
  });
});

/** Every process under `pid` with its full command line (to tell Chromium's main process from its helpers). */
function descendantArgs(pid: number): Map<number, string> {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).trim().split('\n').map((l) => l.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/)).filter((m) => m !== null);
  const found = new Map<number, string>();
  let frontier = [pid];
  while (frontier.length) {
    const next: number[] = [];
    for (const [, p, pp, args] of rows) if (frontier.includes(Number(pp)) && !found.has(Number(p))) { found.set(Number(p), args ?? ''); next.push(Number(p)); }
    frontier = next;
  }
  return found;
}

describe('a browser that crashes mid-run', () => {
  it('Chromium killed after the first row: exit 2, one line naming the crash and what to do; no unrun row reported as a leak or a pass', async () => {
    const reportDir = temp('crash');
    const child = spawn(process.execPath, [join(root, 'bin/maskproof.js'), 'run', '--project', 'desktop', '--report', reportDir], { cwd: root, env: { ...process.env, MASKPROOF_REPORT_DIR: reportDir } });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    // The event: the first finished row (`  ✓  admin route [desktop] PASS 5.4s`); then this run's own Chromium is killed.
    const killed = await new Promise<number[]>((done, fail) => {
      let fired = false;
      child.stdout.on('data', (d) => {
        stdout += d;
        if (fired || !/^ {2}✓ {2}.* PASS /m.test(stdout)) return;
        fired = true;
        const browsers = [...descendantArgs(child.pid!)].filter(([, args]) => /chrom/i.test(args.split(' ')[0] ?? '') && !/--type=/.test(args)).map(([p]) => p);
        for (const p of browsers) {
          try { process.kill(p, 'SIGKILL'); } catch (error) { if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; }
        }
        done(browsers);
      });
      child.on('exit', () => { if (!fired) fail(new Error(`run ended before its first row: ${stdout}${stderr}`)); });
    });
    expect(killed.length).toBeGreaterThan(0);
    const code = await exited;
    expect(code).toBe(2);
    const lines = stderr.split('\n').filter((l) => l.startsWith('maskproof:'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/maskproof: the browser .*crashed or was killed during the run/);
    expect(stderr).toMatch(/→ /);
    expect(stderr).not.toMatch(/^\s+at /m);
    // No row the crash cut short is reported as a leak (FAIL) or as a pass.
    expect(stdout).not.toMatch(/ FAIL /);
    const resultsFile = join(reportDir, 'results.json');
    expect(existsSync(resultsFile)).toBe(true);
    const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as RunResults;
    expect(results.cases.some((c) => c.status === 'fail')).toBe(false);
    expect(results.cases.some((c) => c.status === 'error')).toBe(true);
    expect(results.browserCrashed).toBe(true);
    expect(readdirSync(reportDir)).not.toContain('.maskproof.lock');
  });
});

describe('a browser that crashes during the launch check', () => {
  it('Chromium killed as the check opens its page: one HarnessError naming the crash (it used to hang until node exited 13, silent)', async () => {
    const browser = resolveBrowser();
    // The check's own launch, with Chromium SIGKILLed the moment the check asks for a page (this process's own child only).
    const launch: (typeof chromium)['launch'] = async (options) => {
      const instance = await chromium.launch(options);
      const newPage = instance.newPage.bind(instance);
      instance.newPage = (async (...args: Parameters<typeof newPage>) => {
        const page = newPage(...args);
        for (const [p, args2] of descendantArgs(process.pid)) {
          if (!/chrom/i.test(args2.split(' ')[0] ?? '') || /--type=/.test(args2)) continue;
          try { process.kill(p, 'SIGKILL'); } catch (error) { if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; }
        }
        return page;
      }) as typeof instance.newPage;
      return instance;
    };
    const check = checkBrowserLaunches(browser, loadRecorderConfig(join(root, 'fixtures/recorders/safe.json')), launch);
    await expect(check).rejects.toThrow(/the browser .* crashed or was killed while maskproof checked that it starts/);
    await expect(check).rejects.toMatchObject({ exitCode: 2 });
  });
});
