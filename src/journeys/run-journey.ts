import { type Locator, type Page, expect } from '@playwright/test';
import type { Maskproof } from '../fixture/index.ts';
import type { AuditResult } from '../verdict/audit.ts';
import { isTouchMove } from '../verdict/recording-queries.ts';
import type { RiskRoute } from '../verdict/audits/route-risk.ts';
import { type ExpectStep, type Journey, type JourneyStep, type WaitFor, stepName } from './journey.ts';
import type { PlaceholderValues } from './placeholders.ts';

export interface JourneyContext {
  page: Page;
  maskproof: Maskproof;
  values: PlaceholderValues;
  /** The config's routes and safe values, for `expect: route-risk`. */
  routes: RiskRoute[];
  allowValues: string[];
  /** How long one step may wait for its element or page (default STEP_TIMEOUT_MS). */
  stepTimeoutMs?: number;
}

/**
 * One step's limit, well under the test's 30 s: a step that never completes fails as itself (file, step,
 * selector) instead of the whole test ending in "Test timeout of 30000ms exceeded".
 */
export const STEP_TIMEOUT_MS = 10_000;

/** The selector (or URL, key) a step acts on, for error messages. */
function stepTarget(step: JourneyStep): string | undefined {
  const value = Object.values(step)[0] as unknown;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const v = value as { selector?: unknown; key?: unknown; url?: unknown; case?: unknown };
    for (const field of [v.selector, v.url, v.key, v.case]) if (typeof field === 'string') return field;
  }
  return undefined;
}

/** "#email" and "email" both name the element with id "email" (the audits match rrweb nodes by id). */
const elementId = (idOrSelector: string) => idOrSelector.replace(/^#/, '');

/** The options of the audit an `expect` step names. */
function auditOptions(step: ExpectStep, context: JourneyContext) {
  switch (step.case) {
    case 'pii-form-submit':
      return { fields: (step.fields ?? []).map(elementId) };
    case 'admin-route':
      return { routes: step.routes ?? context.routes.filter((r) => r.risk === 'high').map((r) => r.match) };
    case 'auth-token':
      return { apiPaths: step.apiPaths ?? [] };
    case 'rage-click':
      return { button: elementId(step.button ?? ''), minClicks: step.minClicks ?? 5, windowMs: step.windowMs ?? 1000 };
    case 'mobile-gestures':
      return { tapTarget: elementId(step.tapTarget ?? ''), swipeArea: elementId(step.swipeArea ?? '') };
    case 'route-risk':
      return { routes: context.routes, allowValues: context.allowValues };
  }
}

/** A swipe as real touch input (touchstart, four touchmoves, touchend), as the mobile journey does it. */
async function swipe(page: Page, target: Locator, direction: 'left' | 'right' | 'up' | 'down'): Promise<void> {
  await target.scrollIntoViewIfNeeded();
  const box = await target.boundingBox();
  if (!box) throw new Error('the swipe target is not visible');
  const horizontal = direction === 'left' || direction === 'right';
  const forward = direction === 'right' || direction === 'down';
  const at = (f: number) => {
    const t = forward ? 0.2 + f * 0.6 : 0.8 - f * 0.6;
    return [{ x: horizontal ? box.x + box.width * t : box.x + box.width / 2, y: horizontal ? box.y + box.height / 2 : box.y + box.height * t }];
  };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
  for (const f of [0.25, 0.5, 0.75, 1]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(f) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** Waits on the page, never on the clock. */
async function waitFor(page: Page, wait: string | WaitFor, expand: (text: string) => string): Promise<void> {
  const spec = typeof wait === 'string' ? { selector: wait } : wait;
  if (spec.url) await expect(page).toHaveURL(new RegExp(spec.url));
  if (!spec.selector) return;
  const target = page.locator(spec.selector).first();
  if (spec.attribute) {
    const [name, value] = Object.entries(spec.attribute)[0]!;
    await expect(target).toHaveAttribute(name, expand(value));
  }
  if (spec.text !== undefined) await expect(target).toContainText(expand(spec.text));
  if (spec.state || (!spec.attribute && spec.text === undefined)) await target.waitFor({ state: spec.state ?? 'visible' });
}

async function runStep(step: JourneyStep, context: JourneyContext, verdicts: AuditResult[]): Promise<void> {
  const { page, maskproof, values } = context;
  const expand = (text: string) => values.expand(text);
  // The step's own placeholders become canaries before the value reaches the page.
  const plant = (text: string) => {
    const value = expand(text);
    for (const canary of values.canaries()) if (!maskproof.canaries.some((c) => c.kind === canary.kind && c.value === canary.value)) maskproof.canaries.push(canary);
    return value;
  };
  if ('goto' in step) await page.goto(plant(step.goto));
  else if ('fill' in step) await page.locator(step.fill.selector).fill(plant(step.fill.value));
  else if ('type' in step) await page.locator(step.type.selector).pressSequentially(plant(step.type.value));
  else if ('click' in step) {
    const { selector, times = 1 } = typeof step.click === 'string' ? { selector: step.click } : step.click;
    const target = page.locator(selector);
    if (times === 1) await target.click();
    else {
      // Rage clicks: real clicks at the element's centre back to back, without per-click actionability
      // waits, so the burst stays inside a second on a loaded machine (as the bundled journey does it).
      await target.scrollIntoViewIfNeeded();
      const box = await target.boundingBox();
      if (!box) throw new Error(`${selector} is not visible`);
      for (let i = 0; i < times; i++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    }
  } else if ('tap' in step) await page.locator(step.tap).tap();
  else if ('swipe' in step) {
    await swipe(page, page.locator(step.swipe.selector), step.swipe.direction);
    // rrweb sends a swipe's touch-move positions in batches on its own timer: wait for them, not the clock.
    await maskproof.waitForRecorded(isTouchMove);
  }
  else if ('press' in step) {
    const { selector, key } = typeof step.press === 'string' ? { selector: undefined, key: step.press } : step.press;
    if (selector) await page.locator(selector).press(key);
    else await page.keyboard.press(key);
  } else if ('select' in step) {
    const option = plant(step.select.option);
    const target = page.locator(step.select.selector);
    // The option's value, else its label.
    const byValue = await target.locator(`option[value="${option.replaceAll('"', '\\"')}"]`).count();
    await target.selectOption(byValue > 0 ? { value: option } : { label: option });
  } else if ('waitFor' in step) await waitFor(page, step.waitFor, expand);
  else if ('keyMoment' in step) await maskproof.keyMoment(step.keyMoment, page);
  else if ('expect' in step) {
    const expected = step.expect as ExpectStep;
    verdicts.push(await maskproof.audit(expected.case, auditOptions(expected, context) as never));
  }
}

/**
 * Runs a declarative journey's steps as Playwright actions; every `expect` step runs its audit on what
 * was captured so far. Returns the verdicts, in step order.
 */
export async function runJourney(journey: Journey, context: JourneyContext): Promise<AuditResult[]> {
  const verdicts: AuditResult[] = [];
  const timeout = context.stepTimeoutMs ?? STEP_TIMEOUT_MS;
  context.page.setDefaultTimeout(timeout);
  context.page.setDefaultNavigationTimeout(timeout);
  for (const [index, step] of journey.steps.entries()) {
    try {
      await runStep(step, context, verdicts);
    } catch (error) {
      const message = (error as Error).message.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0];
      const target = stepTarget(step);
      throw new Error(`${journey.source} steps.${index} (${stepName(step)}${target ? ` ${JSON.stringify(target)}` : ''}): ${message}`, { cause: error });
    }
  }
  return verdicts;
}
