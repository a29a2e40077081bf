import { caseDetails, expect, test } from './demo-fixture.ts';
import { isTouchMove } from '../src/verdict/recording-queries.ts';

test('mobile view', caseDetails('mobile-gestures'), async ({ page, maskproof }) => {
  await page.goto('/mobile');
  await expect(page.locator('.card')).toHaveAttribute('data-state', 'done');

  await page.locator('#tap-target').tap();
  await expect(page.locator('#tap-count')).toHaveAttribute('data-taps', '1');

  // A swipe: touchstart, a few touchmoves to the left, touchend, dispatched as real CDP touch input.
  const area = await page.locator('#swipe-area').boundingBox();
  if (!area) throw new Error('#swipe-area is not visible');
  const y = area.y + area.height / 2;
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number) => [{ x, y }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(area.x + area.width * 0.8) });
  for (const f of [0.65, 0.5, 0.35, 0.2]) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(area.x + area.width * f) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect(page.locator('#swipe-count')).toHaveAttribute('data-swipes', '1');
  // rrweb sends a swipe's touch-move positions in batches on its own timer.
  await maskproof.waitForRecorded(isTouchMove);
  await maskproof.keyMoment('after the swipe');

  await expect(maskproof).toPassPrivacyAudit('mobile-gestures', { tapTarget: 'tap-target', swipeArea: 'swipe-area' });
});
