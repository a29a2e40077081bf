import { type Browser, type Page, chromium } from '@playwright/test';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRecorderConfig } from '../../../src/config/recorder-config.ts';
import { preparePackagedChromium } from '../../../src/browser/resolve-browser.ts';
import { compareScreens, DEFAULT_THRESHOLDS, type RgbaImage } from '../../../src/visual/compare.ts';
import { decideVisual } from '../../../src/visual/decide.ts';
import { type FoundRegions, liveRegions } from '../../../src/visual/page-regions.ts';
import { privacySelectors } from '../../../src/visual/privacy-selectors.ts';
import type { RegionSpec } from '../../../src/visual/types.ts';

/**
 * The region finder and the pixel check on real Chromium rendering: a checkout form as the user saw
 * it, against "replays" of it drawn the way rrweb replays a masked recording (every character '*')
 * and a leaky one (the values as typed).
 */
const CARD = '4111 1111 1111 1111';
const NAME = 'Jane Q. Roe';

function page(card = CARD, name = NAME, password = 'hunter22', extra = ''): string {
  return `<!doctype html><html><head><style>
body { font: 16px/1.4 sans-serif; margin: 0; padding: 20px; background: #f6f7fb; }
input { display: block; width: 300px; padding: 6px; font-size: 15px; margin: 4px 0 12px; border: 1px solid #999; }
.private { background: #dfe7ff; padding: 8px; }
</style></head><body>
<h1>Checkout</h1>
<p id="greeting">${name}</p>
<label for="card-number">Card</label><input id="card-number" value="${card}">
<label for="password">Password</label><input id="password" type="password" value="${password}">
<div class="private" data-private>Loyalty no. 99-1234</div>
${extra}</body></html>`;
}

/** What rrweb's replay of a masked recording draws: every text and value '*', blocked elements empty. */
function maskLikeRrweb(): void {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) node.textContent = (node.textContent ?? '').replace(/\S/g, '*');
  for (const input of Array.from(document.querySelectorAll('input'))) input.value = input.value.replace(/\S/g, '*');
  for (const blocked of Array.from(document.querySelectorAll('[data-private]'))) blocked.replaceChildren();
}

let browser: Browser;
let tab: Page;

beforeAll(async () => {
  const resolved = await preparePackagedChromium();
  browser = await chromium.launch({ executablePath: resolved.executablePath, args: resolved.args });
  tab = await browser.newPage({ viewport: { width: 480, height: 420 } });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

async function shoot(html: string, spec: RegionSpec, masked = false): Promise<{ image: RgbaImage; found: FoundRegions }> {
  await tab.setContent(html);
  if (masked) await tab.evaluate(maskLikeRrweb);
  const png = PNG.sync.read(await tab.screenshot({ scale: 'css', animations: 'disabled', caret: 'hide' }));
  return { image: { width: png.width, height: png.height, data: png.data }, found: await liveRegions(tab, spec) };
}

const safe = loadRecorderConfig('fixtures/recorders/safe.json');
const leaky = loadRecorderConfig('fixtures/recorders/leaky.json');
function specOf(config: typeof safe): RegionSpec {
  const { neverRecordOn: _routes, ...selectors } = privacySelectors(config);
  return { ...selectors, plantedValues: [CARD, NAME], routeUnrecorded: false };
}

describe('region finder (in Chromium)', () => {
  it('finds masked text line boxes, the masked field, the password, the blocked element, labelled by element only', async () => {
    const { found } = await shoot(page(), specOf(safe));
    const kinds = found.regions.map((r) => `${r.kind}:${r.label}`);
    expect(kinds).toContain('masked-input:#card-number');
    expect(kinds).toContain('password:#password');
    expect(kinds).toContain('blocked:div.private');
    expect(kinds).toContain('masked-text:#greeting');
    expect(found.regions.find((r) => r.label === '#greeting')?.planted).toBe(true);
    // Labels and everything else name elements, never what they hold.
    expect(JSON.stringify(found)).not.toContain('4111');
    expect(JSON.stringify(found)).not.toContain('Roe');
  });

  it('with a config that masks nothing, still finds where the planted values are drawn (and only there)', async () => {
    const { found } = await shoot(page(), specOf(leaky));
    const planted = found.regions.filter((r) => r.kind === 'planted-value').map((r) => `${r.on}:${r.label}`);
    expect(planted.sort()).toEqual(['field:#card-number', 'text:#greeting']);
    expect(found.regions.some((r) => r.kind === 'masked-text')).toBe(false);
  });
});

describe('visual check on real rendering', () => {
  it('leak: a replay showing the typed values fails on the card field and the greeting', async () => {
    const spec = specOf(leaky);
    const live = await shoot(page(), spec);
    const replay = await shoot(page(), spec);
    const comparison = compareScreens(live.image, replay.image, live.found.regions, replay.found.regions);
    const { status, reasons } = decideVisual('form filled', comparison.boxes, comparison.outsideDiffRatio, DEFAULT_THRESHOLDS);
    expect(status).toBe('fail');
    expect(reasons).toContain('replay at "form filled" shows the value typed into #card-number (box differs in 0.0% of pixels, at least 1.0% required)');
    expect(reasons.some((r) => /shows a planted value in #greeting/.test(r))).toBe(true);
  });

  it('near miss: the masked replay (every character *, blocked element emptied) passes, and stays faithful outside', async () => {
    const spec = specOf(safe);
    const live = await shoot(page(), spec);
    const replay = await shoot(page(), spec, true);
    const comparison = compareScreens(live.image, replay.image, live.found.regions, replay.found.regions);
    expect(comparison.boxes.length).toBeGreaterThanOrEqual(3);
    expect(comparison.boxes.every((b) => b.hidden)).toBe(true);
    expect(comparison.outsideDiffRatio).toBeLessThan(DEFAULT_THRESHOLDS.maxOutsideDiff);
    expect(decideVisual('form filled', comparison.boxes, comparison.outsideDiffRatio, DEFAULT_THRESHOLDS).status).toBe('pass');
  });

  it('a masked replay that lost part of the page fails as unfaithful', async () => {
    const spec = specOf(safe);
    const banner = '<div style="height: 60px; background: #243b6b"></div>';
    const live = await shoot(page(CARD, NAME, 'hunter22', banner), spec);
    const replay = await shoot(page(), spec, true);
    const comparison = compareScreens(live.image, replay.image, live.found.regions, replay.found.regions);
    const { reasons } = decideVisual('form filled', comparison.boxes, comparison.outsideDiffRatio, DEFAULT_THRESHOLDS);
    expect(reasons.some((r) => /outside the masked boxes/.test(r))).toBe(true);
  });
});
