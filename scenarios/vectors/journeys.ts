import { type Page, expect } from '@playwright/test';
import type { eventWithTime } from '@rrweb/types';
import { EventType, IncrementalSource } from '@rrweb/types';
import { type RecorderConfig, isRrwebConfig } from '../../src/config/recorder-config.ts';
import type { Maskproof } from '../../src/fixture/index.ts';
import type { VectorId } from '../../src/vectors/catalog.ts';

export interface VectorJourneyContext {
  page: Page;
  maskproof: Maskproof;
  /** The vector's fixture page, e.g. /vectors/inputs. */
  path: string;
  /** The planted values by key, as the page template has them. */
  values: Record<string, string>;
  config: RecorderConfig;
}

type Journey = (ctx: VectorJourneyContext) => Promise<void>;

/** Opens a vector page and waits until its scripts have run. */
async function open(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
}

const isCustom = (tag: string) => (e: eventWithTime) => e.type === EventType.Custom && (e.data as { tag?: string }).tag === tag;

/**
 * Waits for an rrweb event or fails the journey saying what never arrived (never a fixed sleep); under a
 * vendor's config, delivers what the page holds instead (see below).
 */
async function recorded(maskproof: Maskproof, what: string, predicate: (e: eventWithTime) => boolean): Promise<void> {
  if (isRrwebConfig(maskproof.config)) {
    if (!(await maskproof.waitForRecorded(predicate))) throw new Error(`the recorder never recorded ${what}`);
    return;
  }
  // A vendor's SDK sends on its own schedule (Sentry every few seconds) and may leave the event out on
  // purpose (Sentry's slimDOM drops <script>, JSON-LD included): deliver what the page holds and let the
  // verdict judge what was sent. The wait above is for maskproof's own wrapper, whose events are known.
  await maskproof.recording();
}

/** One journey per vector: each plants its values through the page the way a user or the app would. */
export const journeys: Record<VectorId, Journey> = {
  async 'input-types'({ page, path, values }) {
    await open(page, path);
    await page.locator('#in-email').fill(values.email!);
    await page.locator('#in-tel').fill(values.tel!);
    await page.locator('#in-number').fill(values.number!);
    await page.locator('#in-search').fill(values.search!);
    await page.locator('#in-url').fill(values.url!);
    await page.locator('#in-date').fill(values.date!);
    await page.locator('#in-textarea').fill(values.textarea!);
    await page.locator('#in-select').selectOption({ label: values.selectText! });
    await page.locator('#in-radio').check();
    await page.locator('#in-checkbox').check();
  },

  async password({ page, path, values }) {
    await open(page, path);
    await page.locator('#pw').fill(values.password!);
    // The show-password toggle turns the field into type=text; the user then retypes it, visible.
    await page.locator('#pw-toggle').click();
    await expect(page.locator('#pw')).toHaveAttribute('type', 'text');
    await page.locator('#pw').fill('');
    await page.locator('#pw').pressSequentially(values.password!);
  },

  async 'script-set-values'({ page, path }) {
    await open(page, path);
    await page.locator('#autofill').click();
    await expect(page.locator('body')).toHaveAttribute('data-autofilled', 'true');
  },

  async contenteditable({ page, path, values }) {
    await open(page, path);
    await page.locator('#note').click();
    await page.locator('#note').pressSequentially(values.typedNote!);
    await expect(page.locator('#note')).toHaveText(values.typedNote!);
  },

  async 'shadow-dom'({ page, path, values }) {
    await open(page, path);
    await page.locator('#load-card').click();
    await expect(page.locator('#card')).toHaveAttribute('data-state', 'loaded');
    // Playwright's CSS locators pierce open shadow roots.
    await page.locator('#shadow-email').fill(values.shadowEmail!);
  },

  async iframe({ page, path, maskproof, values }) {
    await open(page, path);
    // rrweb serializes a same-origin iframe's document when it loads: act only once that is recorded.
    await recorded(maskproof, 'the first iframe', (e) => e.type === EventType.IncrementalSnapshot && JSON.stringify(e).includes('"data-frame":"first"'));
    const first = page.frameLocator('#frame-first');
    await first.locator('#frame-card-name').fill(values.frameCardName!);
    await first.locator('#show-details').click();
    await expect(first.locator('body')).toHaveAttribute('data-state', 'shown');
    await page.locator('#add-frame').click();
    await recorded(maskproof, 'the iframe added after the first snapshot', (e) => e.type === EventType.IncrementalSnapshot && JSON.stringify(e).includes('"data-frame":"late"'));
    const late = page.frameLocator('#frame-late');
    await late.locator('#show-details').click();
    await expect(late.locator('body')).toHaveAttribute('data-state', 'shown');
  },

  async attributes({ page, path }) {
    await open(page, path);
  },

  async 'late-text'({ page, path, values }) {
    await open(page, path);
    await page.locator('#load-profile').click();
    await expect(page.locator('body')).toHaveAttribute('data-profile', 'loaded');
    await page.locator('#public-email').pressSequentially(values.previewEmail!);
    await expect(page.locator('#preview')).toHaveText(values.previewEmail!);
  },

  async 'page-url'({ page, path, values }) {
    await page.goto(`${path}?email=${encodeURIComponent(values.queryEmail!)}#${encodeURIComponent(values.hashName!)}`);
    await expect(page.locator('body')).toHaveAttribute('data-ready', 'true');
    await page.locator('#open-user').click();
    await expect(page.locator('body')).toHaveAttribute('data-state', 'pushed');
  },

  async canvas({ page, path, maskproof, config }) {
    await open(page, path);
    await page.locator('#draw').click();
    await expect(page.locator('body')).toHaveAttribute('data-state', 'drawn');
    // rrweb flushes canvas commands on the next animation frame, and only when it records canvas.
    if (isRrwebConfig(config) && config.rrweb.recordCanvas) {
      await recorded(maskproof, 'the canvas drawing', (e) => e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.CanvasMutation);
    }
  },

  async 'console-errors'({ page, path, maskproof, config }) {
    await open(page, path);
    await page.locator('#save').click();
    await expect(page.locator('body')).toHaveAttribute('data-state', 'failed');
    // maskproof's rrweb wrapper tags these; a vendor's SDK sends its own shapes, delivered when the recording is flushed.
    if (!isRrwebConfig(config)) return;
    await recorded(maskproof, 'the uncaught error', isCustom('maskproof/error'));
    await recorded(maskproof, 'the console.error message', isCustom('maskproof/console'));
  },

  async network({ page, path, maskproof, config }) {
    await open(page, path);
    await page.locator('#sync').click();
    await expect(page.locator('body')).toHaveAttribute('data-state', 'synced');
    if (isRrwebConfig(config)) await recorded(maskproof, 'the POST /api/vectors/echo request', (e) => isCustom('maskproof/network')(e) && JSON.stringify(e).includes('/api/vectors/echo'));
  },

  async css({ page, path }) {
    await open(page, path);
  },

  async 'paste-drop'({ page, path, values }) {
    await open(page, path);
    // A paste as the browser delivers it: a ClipboardEvent carrying text/plain to the focused field.
    const paste = (selector: string, text: string) =>
      page.locator(selector).evaluate((el, value) => {
        (el as HTMLElement).focus();
        const data = new DataTransfer();
        data.setData('text/plain', value);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      }, text);
    await paste('#paste-input', values.pasteEmail!);
    await expect(page.locator('#paste-input')).toHaveValue(values.pasteEmail!);
    await paste('#paste-editor', values.pasteAddress!);
    await expect(page.locator('#paste-editor')).toHaveText(values.pasteAddress!);
    // A real HTML5 drag from the contact chip (its dragstart sets the text) onto the textarea.
    await page.locator('#contact-chip').dragTo(page.locator('#drop-target'));
    await expect(page.locator('body')).toHaveAttribute('data-dropped', 'true');
    await expect(page.locator('#drop-target')).toHaveValue(values.dropName!);
  },

  async 'mask-block-scope'({ page, path }) {
    await open(page, path);
  },

  async 'select-defaults'({ page, path }) {
    await open(page, path);
  },

  async 'controlled-value'({ page, path, maskproof, values }) {
    await open(page, path);
    await page.locator('#recipient').pressSequentially(values.typedRecipient!);
    await expect(page.locator('body')).toHaveAttribute('data-synced', String(values.typedRecipient!.length));
    // The last attribute write must be recorded before the recording is judged.
    await recorded(maskproof, 'the value attribute mutation', (e) => e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.Mutation && e.data.attributes.some((a) => (a.attributes.value ?? '').length === values.typedRecipient!.length));
  },

  async 'button-values'({ page, path }) {
    await open(page, path);
  },

  async 'json-ld'({ page, path, maskproof }) {
    await open(page, path);
    await page.locator('#open-profile').click();
    await expect(page.locator('body')).toHaveAttribute('data-state', 'updated');
    await recorded(maskproof, 'the JSON-LD text mutation', (e) => e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.Mutation && e.data.texts.some((t) => (t.value ?? '').includes('schema.org') || /^\*+$/.test((t.value ?? '').replace(/\s/g, ''))));
  },

  async 'media-signed-urls'({ page, path }) {
    await open(page, path);
  },

  async 'click-breadcrumbs'({ page, path }) {
    await open(page, path);
    // A real click: the recorder's click handler makes the breadcrumb from the node it serialized.
    await page.locator('#row-1').click();
    await expect(page.locator('body')).toHaveAttribute('data-state', 'calling');
  },

  async autofill({ page, path, values }) {
    await open(page, path);
    // Chromium's own card autofill (DevTools protocol Autofill.trigger), not a script: the browser fills
    // every cc-* field of the form at once. The field is found once Chromium's autofill agent has parsed
    // the form after the user focuses it, so the trigger is retried until it is (never a fixed wait).
    await page.locator('#cc-number').click();
    const cdp = await page.context().newCDPSession(page);
    const { root } = await cdp.send('DOM.getDocument');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: '#cc-number' });
    const { node } = await cdp.send('DOM.describeNode', { nodeId });
    const [month, year] = values.cardExpiry!.split('/');
    const card = { number: values.cardNumber!, name: values.cardName!, expiryMonth: month!, expiryYear: year!, cvc: values.cardCvc! };
    await expect(async () => {
      await cdp.send('Autofill.trigger', { fieldId: node.backendNodeId, card });
    }).toPass({ timeout: 10_000 });
    await expect(page.locator('body')).toHaveAttribute('data-autofilled', 'true').catch(async (error: Error) => {
      // Which fields autofill left empty or un-marked (lengths only: never the planted values).
      const state = await page.locator('#payment input').evaluateAll((inputs) => inputs.map((i) => `${i.id}: ${(i as HTMLInputElement).value.length} chars${i.matches(':-webkit-autofill') ? ', autofilled' : ''}`).join('; '));
      throw new Error(`Chromium's autofill did not fill the card form (${state}): ${error.message.split('\n')[0]}`);
    });
    await cdp.detach();
  },

  async 'compressed-bodies'({ page, path, maskproof, config }) {
    await open(page, path);
    await page.locator('#save-draft').click();
    await expect(page.locator('body')).toHaveAttribute('data-state', 'saved');
    if (isRrwebConfig(config)) await recorded(maskproof, 'the POST /api/vectors/echo request', (e) => isCustom('maskproof/network')(e) && JSON.stringify(e).includes('/api/vectors/echo'));
  },

  async 'shadow-host-mask'({ page, path, maskproof }) {
    await open(page, path);
    await page.locator('#refresh').click();
    await expect(page.locator('body')).toHaveAttribute('data-state', 'refreshed');
    // The text added to the masked host's shadow root must be recorded (masked or not) before judging.
    await recorded(maskproof, 'the shadow root mutation', (e) => e.type === EventType.IncrementalSnapshot && e.data.source === IncrementalSource.Mutation && e.data.adds.some((a) => a.node.type === 2 && a.node.tagName === 'p'));
  },

  async 'remote-config'({ page, path, values }) {
    await open(page, path);
    await page.locator('#nl-email').fill(values.newsletterEmail!);
    await page.locator('#nl-name').fill(values.newsletterName!);
  },
};
