import { readFileSync } from 'node:fs';
import type { Frame, Page } from '@playwright/test';
import type { RrwebRecorderConfig } from '../config/recorder-config.ts';
import type { ElementFacts } from './types.ts';

const inventoryScript = readFileSync(new URL('./inventory.browser.js', import.meta.url), 'utf8').trim();

type Found = { path: string; elements: ElementFacts[] };

/**
 * Lists the page's fields and text elements with the facts the classification needs (see
 * inventory.browser.js). rrweb records same-origin iframes from the top frame, with the same options
 * applied inside the iframe's own document: their elements are listed in place of the iframe, each
 * with `frame` set to the iframe's selector.
 */
export async function inventoryOf(page: Page, recorder: RrwebRecorderConfig, lists: { allow: string[]; pii: string[] }): Promise<Found> {
  const { rrweb } = recorder;
  const args = JSON.stringify({
    blockSelector: rrweb.blockSelector,
    // rrweb's defaults when the config names no class.
    blockClass: rrweb.blockClass ?? 'rr-block',
    maskTextSelector: rrweb.maskTextSelector,
    maskTextClass: rrweb.maskTextClass ?? 'rr-mask',
    allowSelectors: lists.allow,
    piiSelectors: lists.pii,
  });
  const run = (frame: Frame) => frame.evaluate(`(${inventoryScript})(${args})`) as Promise<Found>;
  const found = await run(page.mainFrame());
  const iframes = found.elements.filter((e) => e.kind === 'iframe');
  const replaced = new Set<ElementFacts>();
  const inner: ElementFacts[] = [];
  for (const frame of page.mainFrame().childFrames()) {
    // Which iframe element holds this frame: its index among the document's iframes (document order, as listed).
    const index = await (await frame.frameElement()).evaluate((el) => [...(el.ownerDocument ?? document).querySelectorAll('iframe')].indexOf(el as HTMLIFrameElement));
    const iframe = iframes[index];
    if (!iframe || iframe.blocked || (iframe.crossOrigin && !rrweb.recordCrossOriginIframes)) continue;
    let contents: Found;
    try {
      contents = await run(frame);
    } catch {
      continue; // a frame that navigated away or cannot be read stays listed as the iframe itself
    }
    replaced.add(iframe);
    inner.push(...contents.elements.map((e) => ({ ...e, frame: iframe.selector })));
  }
  return { path: found.path, elements: [...found.elements.filter((e) => !replaced.has(e)), ...inner] };
}
