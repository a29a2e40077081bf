import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from '@playwright/test';
import { EventType, type eventWithTime } from '@rrweb/types';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../../src/browser/resolve-browser.ts';
import { loadRecorderConfig } from '../../../src/config/recorder-config.ts';
import { privacySelectors } from '../../../src/visual/privacy-selectors.ts';
import { ReplayStage } from '../../../src/visual/replay-page.ts';
import type { RegionSpec } from '../../../src/visual/types.ts';

/**
 * On a zoomed-out mobile page (content wider than device-width) rrweb's Meta width is
 * window.innerWidth, wider than the layout viewport the live page was drawn at. The replay must be
 * laid out at the live width all the same: rrweb's Replayer re-applies the first Meta's size on a
 * timer after pause() returns, which laid the mobile replay out 487 px wide for a 412 px page (the
 * right-hand 24 px of the swipe area, white live, were drawn blue: 1.3% of the pixels differed in CI).
 */
const require = createRequire(import.meta.url);
const rrwebBundle = join(dirname(require.resolve('rrweb')), 'rrweb.umd.min.cjs');
const LIVE = { width: 300, height: 120 };
const { neverRecordOn: _routes, ...masks } = privacySelectors(loadRecorderConfig('fixtures/recorders/safe.json'));
const SPEC: RegionSpec = { ...masks, plantedValues: [], routeUnrecorded: false };

// A full-width bar whose last 10 px are red: red at x = 295 only when laid out 300 px wide.
const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
html, body { margin: 0; background: #fff; }
#bar { height: 60px; background: linear-gradient(to right, #00f 0, #00f calc(100% - 10px), #f00 calc(100% - 10px)); }
</style></head><body><div id="bar"></div></body></html>`;

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  const resolved = resolveBrowser();
  browser = await chromium.launch({ executablePath: resolved.executablePath, args: resolved.args });
  context = await browser.newContext({ viewport: LIVE });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function recordBar(): Promise<eventWithTime[]> {
  const page = await context.newPage();
  await page.setContent(PAGE);
  await page.addScriptTag({ path: rrwebBundle });
  const events = await page.evaluate(() => {
    const w = window as unknown as { rrweb: { record(o: object): () => void } };
    const recorded: unknown[] = [];
    const stop = w.rrweb.record({ emit: (e: unknown) => recorded.push(e) });
    stop();
    return recorded as eventWithTime[];
  });
  await page.close();
  return events;
}

function pixel(png: Buffer, x: number, y: number): [number, number, number] {
  const image = PNG.sync.read(png);
  const i = (y * image.width + x) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!];
}

describe('the replay is laid out at the live viewport', () => {
  it('whatever width the Meta event says (a zoomed-out mobile page)', async () => {
    const events = await recordBar();
    const meta = events.find((e) => e.type === EventType.Meta);
    expect(meta).toBeDefined();
    // The recorded page was drawn at 300 px; this Meta says 487, as Chromium reports on a zoomed-out page.
    const zoomedOut = events.map((e) => (e.type === EventType.Meta ? { ...e, data: { ...e.data, width: 487, height: 195 } } : e)) as eventWithTime[];
    const stage = new ReplayStage(context);
    const last = Math.max(...zoomedOut.map((e) => e.timestamp));

    const asRecorded = await stage.screenshot(events, last, LIVE, SPEC);
    const zoomed = await stage.screenshot(zoomedOut, last, LIVE, SPEC);

    // Control: the bar's red end is there when the Meta matches the live width.
    expect(pixel(asRecorded.png, 295, 30)).toEqual([255, 0, 0]);
    // The case that failed: the replay drew the bar 487 px wide, so x = 295 was blue.
    expect(pixel(zoomed.png, 295, 30)).toEqual([255, 0, 0]);
    expect(pixel(zoomed.png, 100, 30)).toEqual([0, 0, 255]);
  });
});
