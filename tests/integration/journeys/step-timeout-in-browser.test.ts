import { type Browser, chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveBrowser } from '../../../src/browser/resolve-browser.ts';
import type { Journey } from '../../../src/journeys/journey.ts';
import { type JourneyContext, runJourney } from '../../../src/journeys/run-journey.ts';

let browser: Browser;
beforeAll(async () => {
  const resolved = resolveBrowser();
  browser = await chromium.launch({ executablePath: resolved.executablePath, args: resolved.args });
});
afterAll(async () => browser?.close());

describe('a journey step that never completes', () => {
  // 3 s, not less: the fill before it must not time out on a loaded CI machine (it did at 500 ms).
  it('fails as itself: file, step index, step name, selector (not "Test timeout of 30000ms exceeded")', async () => {
    const page = await browser.newPage();
    await page.setContent('<form><input id="email"><button id="submit" disabled>Pay</button></form>');
    const journey = { name: 'stuck', source: 'journeys/checkout.yaml', steps: [{ fill: { selector: '#email', value: 'x' } }, { click: '#submit' }] } as unknown as Journey;
    const context = { page, maskproof: { canaries: [] }, values: { expand: (t: string) => t, canaries: () => [] }, routes: [], allowValues: [], stepTimeoutMs: 3_000 } as unknown as JourneyContext;
    await expect(runJourney(journey, context)).rejects.toThrow(/^journeys\/checkout\.yaml steps\.1 \(click "#submit"\): locator\.click: Timeout 3000ms exceeded\.$/);
    await page.close();
  });
});
