import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from '@playwright/test';
import type { eventWithTime } from '@rrweb/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../../src/browser/resolve-browser.ts';
import { type RrwebRecorderConfig, loadRecorderConfig } from '../../../src/config/recorder-config.ts';
import type { Canary } from '../../../src/detect/types.ts';
import { proveKeyMoment } from '../../../src/visual/key-moment.ts';
import { liveRegions, locatorFunction } from '../../../src/visual/page-regions.ts';
import { privacySelectors } from '../../../src/visual/privacy-selectors.ts';
import type { LocatedInReplay } from '../../../src/visual/types.ts';
import { ReplayStage } from '../../../src/visual/replay-page.ts';

/**
 * The layout-shift case from issue 13: labels the config masks are drawn narrower in the replay
 * ("*" is narrower than letters), so the inputs after them sit ~15 px further left there. A leaky
 * config (text masked, inputs not) shows the typed values in the replay, shifted: compared at the
 * live page's coordinates they looked "different". Recorded with rrweb for real, replayed with its
 * Replayer, proved with proveKeyMoment.
 */
const require = createRequire(import.meta.url);
const rrwebBundle = join(dirname(require.resolve('rrweb')), 'rrweb.umd.min.cjs');

const canaries: Canary[] = [
  { kind: 'name', value: 'Wilhelmina Okonkwo-Barnes', label: 'layout-shift form › name' },
  { kind: 'email', value: 'w.okonkwo.barnes@example.test', label: 'layout-shift form › email' },
] as Canary[];

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
body { font: 16px/1.5 sans-serif; margin: 0; padding: 24px; background: #fff; color: #111; }
p { margin: 0 0 14px; white-space: nowrap; }
label { margin-right: 6px; }
input { width: 280px; padding: 5px; font: 15px sans-serif; border: 1px solid #888; }
</style></head><body>
<h1>Billing</h1>
<p><label for="name">Cardholder's full legal name</label><input id="name"></p>
<p><label for="email">Billing email address</label><input id="email" type="email"></p>
</body></html>`;

let browser: Browser;
let context: BrowserContext;
let stage: ReplayStage;
const reportDir = mkdtempSync(join(tmpdir(), 'maskproof-layout-shift-'));

beforeAll(async () => {
  const resolved = resolveBrowser();
  browser = await chromium.launch({ executablePath: resolved.executablePath, args: resolved.args });
  context = await browser.newContext({ viewport: { width: 640, height: 260 } });
  stage = new ReplayStage(context);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(reportDir, { recursive: true, force: true });
});

async function recordAndProve(configFile: string) {
  const config = loadRecorderConfig(join('fixtures/recorders', configFile)) as RrwebRecorderConfig;
  const page: Page = await context.newPage();
  try {
    await page.setContent(PAGE);
    await page.addScriptTag({ path: rrwebBundle });
    await page.evaluate((options) => {
      const w = window as unknown as { rrweb: { record(o: object): void }; __events: unknown[] };
      w.__events = [];
      w.rrweb.record({ ...options, emit: (e: unknown) => w.__events.push(e) });
    }, config.rrweb as object);
    await page.fill('#name', canaries[0]!.value);
    await page.fill('#email', canaries[1]!.value);
    await page.locator('h1').click(); // blur: the last input event is emitted
    return await proveKeyMoment('form filled', {
      page,
      stage,
      config,
      canaries,
      recordedEvents: () => page.evaluate(() => (window as unknown as { __events: eventWithTime[] }).__events),
      reportDir,
      fileStem: config.name,
    });
  } finally {
    await page.close();
  }
}

describe('visual proof under a layout shift (boxes located by the replayed node)', () => {
  it('fails on the leaky-inputs config: the replay shows the typed values, shifted left by the narrower masked labels (compared where the replay drew each input)', async () => {
    const proof = await recordAndProve('leaky-inputs.json');
    const fields = proof.boxes.filter((b) => b.on === 'field');
    expect(fields.map((b) => b.label).sort()).toEqual(['#email', '#name']);
    for (const box of fields) {
      expect(box.located).toBe('replay-node');
      // The layout did shift: the same input sits well left of its live position in the replay.
      expect(box.rect.x - box.replayRect.x).toBeGreaterThan(5);
      expect(box.hidden).toBe(false);
    }
    expect(proof.status).toBe('fail');
    expect(proof.reasons.join('\n')).toMatch(/shows the value typed into #name/);
    expect(proof.notInReplay).toEqual([]);
  }, 60_000);

  it('passes on the safe config: the same shift, the values masked', async () => {
    const proof = await recordAndProve('safe.json');
    const fields = proof.boxes.filter((b) => b.on === 'field');
    expect(fields).toHaveLength(2);
    for (const box of fields) {
      expect(box.located).toBe('replay-node');
      expect(box.rect.x - box.replayRect.x).toBeGreaterThan(5);
      expect(box.hidden).toBe(true);
    }
    expect(proof.reasons).toEqual([]);
    expect(proof.status).toBe('pass');
  }, 60_000);
});

describe('locating a live box in another rendering of the page by its node', () => {
  it('finds fields by id, text by its parent path and text index, and says null for a node that is gone', async () => {
    const config = loadRecorderConfig('fixtures/recorders/leaky-inputs.json') as RrwebRecorderConfig;
    const { neverRecordOn: _routes, ...masks } = privacySelectors(config);
    const page = await context.newPage();
    try {
      await page.setContent(PAGE.replace('<input id="name">', `<input id="name" value="${canaries[0]!.value}">`));
      const live = await liveRegions(page, { ...masks, plantedValues: canaries.map((c) => c.value), routeUnrecorded: false });
      const locators = live.regions.map((r) => r.node);
      const name = live.regions.findIndex((r) => r.label === '#name');
      const heading = live.regions.findIndex((r) => r.label === 'h1');
      const emailLabel = live.regions.findLastIndex((r) => r.label === 'label');
      expect([name, heading, emailLabel].every((i) => i >= 0)).toBe(true);
      // The "replay": labels drawn as '*', everything 40 px lower, the email row gone.
      await page.setContent(
        PAGE.replace('padding: 24px;', 'padding: 64px 24px;')
          .replace(/(<label[^>]*>)([^<]*)/g, (_m, open: string, text: string) => open + text.replace(/\S/g, '*'))
          .replace(/<p><label for="email">[^\n]*<\/p>/, ''),
      );
      const located = (await page.evaluate(`(${locatorFunction(locators)})(document)`)) as (LocatedInReplay | null)[];
      expect(located[name]!.rect.x).toBeLessThan(live.regions[name]!.rect.x - 5);
      expect(located[name]!.rect.y).toBeGreaterThan(live.regions[name]!.rect.y + 30);
      expect(located[heading]!.rect.y).toBeGreaterThan(live.regions[heading]!.rect.y + 30);
      expect(located[emailLabel]).toBeNull();
      // An element where the live page had another tag is not taken for the live node.
      await page.setContent(PAGE.replace('<h1>Billing</h1>', '<div>banner</div><h1>Billing</h1>'));
      const shiftedTree = (await page.evaluate(`(${locatorFunction(locators)})(document)`)) as (LocatedInReplay | null)[];
      expect(shiftedTree[heading]).toBeNull();
      expect(shiftedTree[name]).not.toBeNull(); // found by its id
    } finally {
      await page.close();
    }
  }, 60_000);
});
