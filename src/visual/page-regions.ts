import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { NodeLocator, Region, RegionSpec } from './types.ts';

/** What the region finder answers. */
export interface FoundRegions {
  viewport: { width: number; height: number };
  path: string;
  regions: Region[];
}

const finderSource = readFileSync(new URL('./regions.browser.js', import.meta.url), 'utf8');

/** Source of a function `(doc) => FoundRegions` with `spec` built in, to evaluate in a page. */
export function regionFinderFunction(spec: RegionSpec): string {
  return `function (doc) { ${finderSource}\nreturn maskproofRegions(${JSON.stringify(spec)}, doc); }`;
}

/** Regions of the live page, in its viewport, and the page's clock at that moment. */
export async function liveRegions(page: Page, spec: RegionSpec): Promise<FoundRegions & { now: number }> {
  return (await page.evaluate(`Object.assign((${regionFinderFunction(spec)})(document), { now: Date.now() })`)) as FoundRegions & { now: number };
}

/** Source of a function `(doc) => (LocatedInReplay | null)[]` finding each node of `locators` in a document. */
export function locatorFunction(locators: readonly (NodeLocator | null)[]): string {
  return `function (doc) { ${finderSource}\nreturn maskproofLocate(${JSON.stringify(locators)}, doc); }`;
}
