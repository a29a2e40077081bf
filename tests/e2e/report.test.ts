import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium } from '@playwright/test';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePackagedChromium } from '../../src/browser/resolve-browser.ts';
import type { Canary } from '../../src/detect/types.ts';
import { playerPage } from '../../src/report/html/player.ts';
import type { RunResults } from '../../src/report/results.ts';
import { OUTLINE } from '../../src/visual/annotate.ts';
import { type CliRun, runCli } from '../helpers/run-cli.ts';
import { canariesIn } from '../helpers/report-dir.ts';

let browser: Browser;

beforeAll(async () => {
  const resolved = await preparePackagedChromium();
  browser = await chromium.launch({ executablePath: resolved.executablePath, args: resolved.args });
});

afterAll(async () => {
  await browser?.close();
});

/**
 * Opens <report>/index.html in Chromium as a stakeholder would (from disk, offline), opens every
 * row, waits for every evidence image, and screenshots it into the report directory.
 */
async function openReport(run: CliRun, name: string) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed load: ${request.url()} ${request.failure()?.errorText}`));
  const loaded = new Set<string>();
  page.on('requestfinished', (request) => loaded.add(decodeURIComponent(new URL(request.url()).pathname)));
  await page.goto(`file://${join(run.reportDir, 'index.html')}`);
  const firstScreen = join(run.reportDir, `${name}-first-screen.png`);
  await page.screenshot({ path: firstScreen });
  const images = (run.results?.cases ?? []).flatMap((c) => (c.evidence?.visual ?? []).flatMap((v) => (v.images ? Object.values(v.images) : [])));
  await page.evaluate(() => document.querySelectorAll('details.case').forEach((d) => ((d as HTMLDetailsElement).open = true)));
  await expect.poll(() => images.filter((file) => !loaded.has(join(run.reportDir, file))), { timeout: 15_000 }).toEqual([]);
  const fullPage = join(run.reportDir, `${name}-full-page.png`);
  await page.screenshot({ path: fullPage, fullPage: true });
  const rows = await page.locator('details.case').evaluateAll((els) => els.map((el) => [el.getAttribute('data-case'), el.getAttribute('data-project'), el.getAttribute('data-status')]));
  const badges = await page.locator('details.case > summary .badge').allTextContents();
  await page.close();
  return { problems, rows, badges, firstScreen, fullPage };
}

function canariesOf(run: CliRun): Canary[] {
  return (JSON.parse(readFileSync(join(run.reportDir, 'canaries.json'), 'utf8')) as { canaries: Canary[] }).canaries;
}

const rowsOf = (results: RunResults | undefined) => (results?.cases ?? []).map((c) => [c.id, c.project, c.status]);

// These two runs are also the suite's proof that the safe config passes and the all-off leaky config fails
// every row (the narrow configs are in can-fail.test.ts).
describe('the stakeholder report of a run', () => {
  it('safe config: index.html, junit.xml and results.json; the report opens offline, one PASS row per journey', async () => {
    const run = runCli(['run', '--seed', '7']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.results?.seed).toBe(7);
    expect(run.results?.recorder).toBe('safe');
    expect(run.results?.cases.map((c) => [c.id, c.status]).sort()).toEqual([
      ['admin-route', 'pass'],
      ['auth-token', 'pass'],
      ['mobile-gestures', 'pass'],
      ['pii-form-submit', 'pass'],
      ['rage-click', 'pass'],
    ]);
    // One recording per journey; the seed printed so the run can be reproduced; no planted value printed.
    for (const row of run.results!.cases) expect(existsSync(join(run.reportDir, row.recording!)), row.id).toBe(true);
    // And a player page for each (tests/integration/report/player-in-browser.test.ts plays one in Chromium).
    for (const row of run.results!.cases) expect(existsSync(join(run.reportDir, playerPage(row.recording!))), row.id).toBe(true);
    expect(run.stdout).toContain('seed 7');
    const planted = canariesOf(run);
    expect(planted.length).toBeGreaterThan(20);
    for (const canary of planted) expect(run.stdout.includes(canary.value), 'stdout shows a planted value').toBe(false);
    for (const file of ['index.html', 'junit.xml', 'results.json']) expect(existsSync(join(run.reportDir, file)), file).toBe(true);
    expect(run.stdout).toMatch(/report: \S+index\.html/);
    // Every journey made its visual proof, and it passed: the replay is masked and faithful.
    for (const c of run.results!.cases) {
      expect(c.evidence?.visual.map((v) => [v.status, v.reasons]), c.id).toEqual([['pass', []]]);
      for (const file of Object.values(c.evidence!.visual[0]!.images!)) expect(existsSync(join(run.reportDir, file)), file).toBe(true);
    }
    const report = await openReport(run, 'report-safe');
    console.log(`report screenshots: ${report.firstScreen} ${report.fullPage}`);
    expect(report.problems).toEqual([]);
    expect(report.rows).toEqual(rowsOf(run.results));
    expect(report.badges).toEqual(['PASS', 'PASS', 'PASS', 'PASS', 'PASS']);
    const junit = readFileSync(join(run.reportDir, 'junit.xml'), 'utf8');
    expect(junit.match(/<testcase /g)).toHaveLength(5);
    expect(junit).not.toContain('<failure');
  });

  it('leaky config: every row FAILs, the typed card number is outlined in red on the replay, and no planted value is in any report file', async () => {
    const run = runCli(['run', '--recorder', 'fixtures/recorders/leaky.json', '--seed', '7']);
    expect(run.status, run.stdout + run.stderr).toBe(1);
    // Every row fails for its own reason.
    const expected: Record<string, RegExp> = {
      'pii-form-submit': /field #card-number recorded unmasked input/,
      'admin-route': /events recorded on \/admin/,
      'auth-token': /planted session › auth token found/,
      'rage-click': /planted person › full name found/,
      'mobile-gestures': /recorded text nodes carry unmasked text/,
    };
    expect(run.results!.cases.map((c) => c.id).sort()).toEqual(Object.keys(expected).sort());
    for (const c of run.results!.cases) {
      expect(c.status, c.id).toBe('fail');
      expect(c.reasons.some((r) => expected[c.id]!.test(r)), `${c.id}: ${JSON.stringify(c.reasons)}`).toBe(true);
    }
    const pii = run.results!.cases.find((c) => c.id === 'pii-form-submit')!;
    expect(pii.reasons).toContain('replay at "form filled" shows the value typed into #card-number (box differs in 0.0% of pixels, at least 1.0% required)');
    // The leaked field is outlined in red on the replay image.
    const proof = pii.evidence!.visual[0]!;
    const card = proof.boxes.find((b) => b.label === '#card-number' && !b.hidden)!;
    const replay = PNG.sync.read(readFileSync(join(run.reportDir, proof.images!.replay)));
    const at = (card.rect.y + Math.floor(card.rect.height / 2)) * replay.width + card.rect.x;
    expect([...replay.data.subarray(at * 4, at * 4 + 3)]).toEqual([...OUTLINE.failed]);

    const canaries = canariesOf(run);
    expect(canaries.length).toBeGreaterThan(20);
    for (const file of ['index.html', 'junit.xml', 'results.json']) {
      expect(canariesIn(readFileSync(join(run.reportDir, file), 'utf8'), canaries), `${file} shows a planted value`).toEqual([]);
    }
    const report = await openReport(run, 'report-leaky');
    console.log(`report screenshots: ${report.firstScreen} ${report.fullPage}`);
    expect(report.problems).toEqual([]);
    expect(report.rows).toEqual(rowsOf(run.results));
    expect(report.badges).toEqual(['FAIL', 'FAIL', 'FAIL', 'FAIL', 'FAIL']);
    expect(readFileSync(join(run.reportDir, 'junit.xml'), 'utf8').match(/<failure /g)).toHaveLength(5);
  });
});
