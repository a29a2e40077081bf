import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunResults } from '../../src/report/results.ts';
import { root } from '../helpers/run-cli.ts';

const scratch = mkdtempSync(join(tmpdir(), 'maskproof-nobrowser-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * A machine with no Chromium but what `npm install` brought: the system one hidden by
 * MASKPROOF_SYSTEM_CHROMIUM_PATHS (empty: look nowhere), Playwright's own by an empty
 * PLAYWRIGHT_BROWSERS_PATH, and a temp directory of its own so the packaged Chromium is unpacked
 * afresh (the one-time cost a new machine pays).
 */
describe('npm run qa with no system or Playwright Chromium', () => {
  it('runs on the packaged Chromium, exits 0, and results.json names it', () => {
    const reportDir = join(scratch, 'report');
    const tmp = join(scratch, 'tmp');
    const browsers = join(scratch, 'no-playwright-browsers');
    for (const dir of [tmp, browsers]) spawnSync('mkdir', ['-p', dir]);
    const env: NodeJS.ProcessEnv = { ...process.env, MASKPROOF_REPORT_DIR: reportDir, MASKPROOF_SYSTEM_CHROMIUM_PATHS: '', PLAYWRIGHT_BROWSERS_PATH: browsers, TMPDIR: tmp, MASKPROOF_CHROMIUM: '', CHROME_PATH: '' };
    delete env.MASKPROOF_PACKAGED_CHROMIUM;
    const run = spawnSync('npm', ['run', 'qa', '--silent'], { cwd: root, env, encoding: 'utf8', timeout: 200_000 });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/browser \S+ \(packaged Chromium \(npm @sparticuz\/chromium\)\)/);
    // Unpacked into this run's temp directory (a directory per package version), not found lying around.
    const unpacked = /browser (\S+) \(packaged/.exec(run.stdout)?.[1] ?? '';
    expect(unpacked.startsWith(join(tmp, 'maskproof-chromium-')), unpacked).toBe(true);
    expect(existsSync(unpacked)).toBe(true);
    const results = JSON.parse(readFileSync(join(reportDir, 'results.json'), 'utf8')) as RunResults;
    expect(results.browserSource).toBe('packaged Chromium (npm @sparticuz/chromium)');
    expect(results.browser).toMatch(/^Chromium \d+\./);
    expect(results.cases.map((c) => [c.id, c.status])).toEqual([
      ['pii-form-submit', 'pass'],
      ['admin-route', 'pass'],
      ['auth-token', 'pass'],
      ['rage-click', 'pass'],
      ['mobile-gestures', 'pass'],
    ]);
  });
});
