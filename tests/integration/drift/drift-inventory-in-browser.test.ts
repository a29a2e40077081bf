import { type Browser, type Page, chromium } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparePackagedChromium } from '../../../src/browser/resolve-browser.ts';
import { parseRecorderConfig, rrwebConfig } from '../../../src/config/recorder-config.ts';
import { classifyRoute } from '../../../src/drift/classify.ts';
import { inventoryOf } from '../../../src/drift/inventory.ts';

/** The drift inventory on real Chromium: every kind of element, its selector, and the facts read from the DOM. */
const html = `<!doctype html><html><head><title>Clinic</title></head><body>
<main id="form-area">
  <h1>Book</h1>
  <label>Name <input id="name" type="text"></label>
  <input data-testid="member" type="number">
  <input name="nickname">
  <input type="hidden" name="csrf" value="x"><input type="checkbox" id="agree"><button id="go">Go</button>
  <textarea id="notes"></textarea>
  <select id="reason"><option>Check-up</option></select>
  <div id="editor" contenteditable="true"><p>draft</p></div>
  <section data-phi><p class="rr-mask">Jane</p><p>Patient text</p></section>
  <div data-private><input id="card"></div>
  <footer><p>Safe footer</p></footer>
  <iframe id="inner" srcdoc="<p>hi</p>"></iframe>
  <iframe id="ads" src="https://ads.example.invalid/"></iframe>
  <ul><li>one</li><li>two</li></ul>
</main></body></html>`;

const recorder = rrwebConfig(
  parseRecorderConfig({ recorder: 'rrweb', rrweb: { maskInputOptions: { text: true, textarea: true }, maskTextSelector: '[data-phi]', blockSelector: '[data-private]' } }, 'test'),
);

let browser: Browser;
let tab: Page;

beforeAll(async () => {
  const resolved = await preparePackagedChromium();
  browser = await chromium.launch({ executablePath: resolved.executablePath, args: resolved.args });
  tab = await browser.newPage();
  await tab.route('https://ads.example.invalid/**', (route) => route.fulfill({ body: '<p>ad</p>', contentType: 'text/html' }));
  await tab.setContent(html);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('drift inventory in the browser', () => {
  it('lists fields, editables, iframes and text elements with stable selectors, skipping buttons and hidden fields', async () => {
    const { elements } = await inventoryOf(tab, recorder, { allow: ['footer'], pii: ['#notes'] });
    const bySelector = Object.fromEntries(elements.map((e) => [e.selector, e]));
    expect(Object.keys(bySelector)).toEqual(
      expect.arrayContaining(['head > title', '#form-area > h1', '#name', '[data-testid="member"]', 'input[name="nickname"]', '#notes', '#reason', '#editor', '#card', '#ads', '#form-area > ul > li:nth-of-type(2)']),
    );
    expect(elements.map((e) => e.selector)).not.toEqual(expect.arrayContaining(['input[name="csrf"]', '#agree']));
    expect(bySelector['#name']).toMatchObject({ kind: 'input', inputType: 'text' });
    expect(bySelector['[data-testid="member"]']).toMatchObject({ kind: 'input', inputType: 'number' });
    expect(bySelector['#editor']).toMatchObject({ kind: 'contenteditable' });
    expect(bySelector['#card']).toMatchObject({ blocked: true });
    expect(bySelector['#notes']).toMatchObject({ pii: true });
    expect(bySelector['#ads']).toMatchObject({ kind: 'iframe', crossOrigin: true });
    // A same-origin iframe is listed by its contents, each relative to the iframe's document.
    expect(bySelector['#inner']).toBeUndefined();
    expect(elements.find((e) => e.frame === '#inner')).toMatchObject({ selector: 'body > p', kind: 'text' });
    // Every selector finds exactly its element (in its frame).
    for (const e of elements) {
      const scope = e.frame ? tab.frameLocator(e.frame) : tab;
      expect(await scope.locator(e.selector).count(), e.selector).toBe(1);
    }
  });

  it('classifies them as rrweb would record them: the number field and unmasked text unprotected', async () => {
    const found = await inventoryOf(tab, recorder, { allow: ['footer'], pii: [] });
    const classified = classifyRoute({ route: '/book', risk: 'medium', finalPath: '/book', elements: found.elements }, recorder);
    const status = Object.fromEntries(classified.map((e) => [e.selector, e.status]));
    expect(status).toMatchObject({
      '#name': 'masked',
      '[data-testid="member"]': 'unprotected',
      '#notes': 'masked',
      '#reason': 'unprotected',
      '#card': 'blocked',
      '#ads': 'blocked',
      '#inner >>> body > p': 'unprotected',
      '#form-area > h1': 'unprotected',
      '#form-area > footer > p': 'allowed',
    });
    expect(classified.find((e) => e.selector === '#inner >>> body > p')!.fix).toMatch(/add `body > p` to rrweb\.maskTextSelector .*\(it is inside #inner; or block the iframe\)/);
    const masked = classified.filter((e) => e.selector.startsWith('#form-area > section')).map((e) => e.status);
    expect(masked).toEqual(['masked', 'masked']);
  });
});
