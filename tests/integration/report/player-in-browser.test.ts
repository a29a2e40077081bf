import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../../src/browser/resolve-browser.ts';
import { writeHtmlReport } from '../../../src/report/html/index.ts';
import { writePlayers } from '../../../src/report/html/player.ts';
import { canariesIn, reportDirFromEvidence } from '../../helpers/report-dir.ts';

/**
 * The report's replay player, opened from disk in Chromium as a stakeholder would: the link in
 * index.html leads to a page that loads rrweb and the recording with no network, plays to the end
 * (rrweb's finish event, not a timer) and logs no error. Built from recordings of a real run
 * (fixtures/recordings/rrweb-leaky), no journey run.
 */
let browser: Browser;
const { dir, results, canaries } = reportDirFromEvidence('leaky');
const index = readFileSync(writeHtmlReport(dir), 'utf8');

beforeAll(async () => {
  const resolved = resolveBrowser();
  browser = await chromium.launch({ executablePath: resolved.executablePath, args: resolved.args });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the report\'s replay player (file://, Chromium)', () => {
  it('index.html links every row to its player page, and the assets are in the report folder', () => {
    const links = [...index.matchAll(/<a class="watch" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links).toHaveLength(results.cases.length);
    for (const link of links) expect(existsSync(join(dir, link)), link).toBe(true);
    for (const asset of ['rrweb.js', 'rrweb.css', 'player.js']) expect(existsSync(join(dir, 'player', asset)), asset).toBe(true);
    // The report's own text still shows no planted value; the player page shows the recording, not its text.
    expect(canariesIn(readFileSync(join(dir, links[0]!), 'utf8'), canaries)).toEqual([]);
  });

  it('plays the PII form recording to its end with no console error and no request leaving the folder', async () => {
    const started = Date.now();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`failed load: ${r.url()} ${r.failure()?.errorText}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file://') && !r.url().startsWith('about:') && !r.url().startsWith('data:')) problems.push(`network request: ${r.url()}`);
    });
    const link = index.match(/<details class="case \w+" data-case="pii-form-submit"[\s\S]*?<a class="watch" href="([^"]+)"/)![1]!;
    await page.goto(`file://${join(dir, link)}`);
    await expect.poll(() => page.evaluate(() => document.body.dataset.state)).toBe('ready');
    // The recorded page is rebuilt in the Replayer's iframe.
    expect(await page.frameLocator('#stage iframe').locator('#card-number').count()).toBe(1);
    const finished = page.evaluate(() => new Promise<string>((resolve) => window.addEventListener('maskproof:finish', () => resolve(document.body.dataset.state ?? ''), { once: true })));
    await page.selectOption('#speed', '8');
    await page.click('#play');
    expect(await finished).toBe('finished');
    expect(await page.locator('#progress').inputValue()).toBe('1000');
    expect(await page.locator('#play').textContent()).toBe('Replay');
    await page.close();
    expect(problems).toEqual([]);
    console.log(`player played to the end in ${Date.now() - started} ms`);
  }, 60_000);

  it('a recording with no event (a route never recorded) says so instead of playing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'maskproof-player-empty-'));
    mkdirSync(join(empty, 'recordings'));
    writeFileSync(join(empty, 'recordings/desktop-admin-route.json'), '[]');
    const [pageFile] = writePlayers(empty, [{ recording: 'recordings/desktop-admin-route.json', title: 'admin route [desktop]' }]);
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`file://${join(empty, pageFile!)}`);
    await expect.poll(() => page.evaluate(() => document.body.dataset.state)).toBe('empty');
    expect(await page.locator('#status').textContent()).toBe('Nothing was recorded: the recorder stored no event.');
    expect(await page.locator('#play').isDisabled()).toBe(true);
    await page.close();
    expect(problems).toEqual([]);
  }, 60_000);
});
