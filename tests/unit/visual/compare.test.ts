import { describe, expect, it } from 'vitest';
import { DEFAULT_THRESHOLDS, type RgbaImage, compareScreens, focusRect, inkPixels } from '../../../src/visual/compare.ts';
import { decideVisual } from '../../../src/visual/decide.ts';
import type { Rect, Region } from '../../../src/visual/types.ts';

// Synthetic screens: a white page, "glyphs" drawn as dark strokes whose shape depends on the text, so
// that two different strings look different and the same string looks the same.
function blank(width = 200, height = 100): RgbaImage {
  return { width, height, data: new Uint8Array(width * height * 4).fill(255) };
}

function fill(image: RgbaImage, rect: Rect, rgb: [number, number, number]): void {
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) image.data.set([...rgb, 255], (y * image.width + x) * 4);
  }
}

/** Draws `text` at (x, y): one 5×10 cell per character, strokes set by the character code's bits. */
function write(image: RgbaImage, text: string, x: number, y: number): void {
  [...text].forEach((ch, i) => {
    const code = ch.charCodeAt(0);
    for (let bit = 0; bit < 8; bit++) {
      if (code & (1 << bit)) fill(image, { x: x + i * 6 + (bit % 4), y: y + Math.floor(bit / 4) * 5, width: 1, height: 4 }, [30, 30, 40]);
    }
  });
}

function field(label: string, rect: Rect, planted = true): Region {
  return { kind: 'masked-input', on: 'field', label, rect, valueRect: rect, hasValue: true, planted, node: null };
}

const CARD = '4111 1111 1111 1111';
const box: Rect = { x: 10, y: 10, width: 130, height: 14 };

function screens(replayText: string, shift = 0): { live: RgbaImage; replay: RgbaImage } {
  const live = blank();
  const replay = blank();
  write(live, CARD, 12, 12);
  write(replay, replayText, 12 + shift, 12);
  // The rest of the page, identical in both: a heading and a button.
  for (const image of [live, replay]) {
    write(image, 'Checkout', 12, 60);
    fill(image, { x: 150, y: 70, width: 40, height: 16 }, [47, 111, 237]);
  }
  return { live, replay };
}

describe('compareScreens + decideVisual: inside the boxes', () => {
  it('a replay that shows the typed card number fails, naming the field and the pixel share', () => {
    const { live, replay } = screens(CARD);
    const comparison = compareScreens(live, replay, [field('#card-number', box)], []);
    expect(comparison.boxes).toHaveLength(1);
    expect(comparison.boxes[0]!.hidden).toBe(false);
    expect(comparison.boxes[0]!.diffRatio).toBe(0);
    const { status, reasons } = decideVisual('form filled', comparison.boxes, comparison.outsideDiffRatio, DEFAULT_THRESHOLDS);
    expect(status).toBe('fail');
    expect(reasons).toEqual(['replay at "form filled" shows the value typed into #card-number (box differs in 0.0% of pixels, at least 1.0% required)']);
  });

  it('the value drawn 1 px off in the replay is still found (alignment slack)', () => {
    const { live, replay } = screens(CARD, 1);
    const comparison = compareScreens(live, replay, [field('#card-number', box)], []);
    expect(comparison.boxes[0]!.hidden).toBe(false);
  });

  it('near miss: a replay that shows **** there passes, the box differing well above the threshold', () => {
    const { live, replay } = screens('*'.repeat(CARD.length));
    const comparison = compareScreens(live, replay, [field('#card-number', box)], []);
    expect(comparison.boxes[0]!.hidden).toBe(true);
    expect(comparison.boxes[0]!.diffRatio).toBeGreaterThan(0.05);
    expect(decideVisual('form filled', comparison.boxes, comparison.outsideDiffRatio, DEFAULT_THRESHOLDS)).toEqual({ status: 'pass', reasons: [] });
  });

  it('an empty field (no ink in its box) is not a value the replay must hide', () => {
    const live = blank();
    expect(inkPixels(live, box)).toBe(0);
    const comparison = compareScreens(live, blank(), [field('#card-number', box)], []);
    expect(comparison.boxes).toEqual([]);
  });

  it('says "the value of …, which the config masks" for a masked field holding no planted value', () => {
    const { live, replay } = screens(CARD);
    const comparison = compareScreens(live, replay, [field('#coupon', box, false)], []);
    expect(decideVisual('form filled', comparison.boxes, null, DEFAULT_THRESHOLDS).reasons[0]).toMatch(/shows the value of #coupon, which the config masks/);
  });
});

describe('compareScreens: each box located at its node in the replay', () => {
  const shifted = (dx: number) => ({ rect: { ...box, x: box.x + dx }, valueRect: { ...box, x: box.x + dx } });

  it('the value shown 15 px right in the replay (a layout shift) fails when the box is located by its replayed node', () => {
    const { live, replay } = screens(CARD, 15);
    const comparison = compareScreens(live, replay, [field('#card-number', box)], [], DEFAULT_THRESHOLDS, [shifted(15)]);
    expect(comparison.boxes[0]!.located).toBe('replay-node');
    expect(comparison.boxes[0]!.replayRect.x).toBe(box.x + 15);
    expect(comparison.boxes[0]!.diffRatio).toBe(0);
    expect(decideVisual('form filled', comparison.boxes, null, DEFAULT_THRESHOLDS).status).toBe('fail');
  });

  it('the same shifted replay compared at the live position would have passed (the bug this guards against)', () => {
    const { live, replay } = screens(CARD, 15);
    const comparison = compareScreens(live, replay, [field('#card-number', box)], []);
    expect(comparison.boxes[0]!.located).toBe('live-position');
    expect(comparison.boxes[0]!.hidden).toBe(true);
  });

  it('near miss: **** shown at the shifted node passes', () => {
    const { live, replay } = screens('*'.repeat(CARD.length), 15);
    const comparison = compareScreens(live, replay, [field('#card-number', box)], [], DEFAULT_THRESHOLDS, [shifted(15)]);
    expect(comparison.boxes[0]!.hidden).toBe(true);
    expect(decideVisual('form filled', comparison.boxes, null, DEFAULT_THRESHOLDS).status).toBe('pass');
  });

  it('a node absent from the replay is compared at the live position and says so', () => {
    const { live, replay } = screens(CARD);
    const comparison = compareScreens(live, replay, [field('#card-number', box)], [], DEFAULT_THRESHOLDS, [null]);
    expect(comparison.boxes[0]!.located).toBe('live-position');
    expect(comparison.boxes[0]!.hidden).toBe(false);
  });
});

describe('compareScreens + decideVisual: outside the boxes', () => {
  it('a replay that differs outside the masked boxes beyond the limit fails as unfaithful', () => {
    const { live, replay } = screens('*'.repeat(CARD.length));
    fill(replay, { x: 0, y: 40, width: 200, height: 10 }, [200, 30, 30]); // a banner the page never showed
    const comparison = compareScreens(live, replay, [field('#card-number', box)], []);
    expect(comparison.outsideDiffRatio).toBeGreaterThan(DEFAULT_THRESHOLDS.maxOutsideDiff);
    const { status, reasons } = decideVisual('form filled', comparison.boxes, comparison.outsideDiffRatio, DEFAULT_THRESHOLDS);
    expect(status).toBe('fail');
    expect(reasons[0]).toMatch(/differs from the live page in \d+\.\d% of the pixels outside the masked boxes \(at most 1\.0% allowed\)/);
  });

  it('near miss: masked text of another width (drawn inside the replay\'s own box) is not counted outside', () => {
    const { live, replay } = screens('*'.repeat(CARD.length + 4));
    const wider: Region = { ...field('#card-number', { ...box, width: 160 }), kind: 'masked-text', on: 'text' };
    const comparison = compareScreens(live, replay, [field('#card-number', box)], [wider]);
    expect(comparison.outsideDiffRatio).toBe(0);
  });

  it('a page entirely inside boxes has no outside ratio', () => {
    const { live, replay } = screens(CARD);
    const whole: Region = { kind: 'unrecorded-route', on: 'page', label: '/admin', rect: { x: 0, y: 0, width: 200, height: 100 }, valueRect: { x: 0, y: 0, width: 200, height: 100 }, hasValue: false, planted: false, node: null };
    expect(compareScreens(live, replay, [whole], []).outsideDiffRatio).toBeNull();
  });
});

describe('focusRect', () => {
  it('frames the failed boxes, padded, at least half the page each way', () => {
    const regions = [field('#a', { x: 100, y: 40, width: 20, height: 10 })];
    const focus = focusRect(400, 200, regions, [{ kind: 'masked-input', on: 'field', label: '#a', rect: regions[0]!.rect, located: 'live-position', replayRect: regions[0]!.rect, planted: true, diffRatio: 0, hidden: false }]);
    expect(focus.width).toBeGreaterThanOrEqual(200);
    expect(focus.height).toBeGreaterThanOrEqual(100);
    expect(focus.x).toBeLessThanOrEqual(100);
    expect(focus.x + focus.width).toBeGreaterThanOrEqual(120);
    expect(focus.x).toBeGreaterThanOrEqual(0);
  });
});
