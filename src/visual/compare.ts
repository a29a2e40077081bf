import pixelmatch from 'pixelmatch';
import type { BoxCheck, LocatedInReplay, Rect, Region, VisualThresholds } from './types.ts';

/** Decoded RGBA pixels (what pngjs gives), in CSS pixels. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/**
 * The numbers the visual check decides with, measured on the bundled journeys (seed 7): outside the
 * boxes a faithful replay differs from the live page in 0.05–0.4% of the pixels (masked text reflows
 * the page a little); a masked value differs in 4–60% of its box, a leaked one in 0.0%.
 */
export const DEFAULT_THRESHOLDS: VisualThresholds = {
  pixelThreshold: 0.1,
  antiAliasingTolerance: true,
  minHiddenDiff: 0.01,
  maxOutsideDiff: 0.01,
  alignmentSlack: 2,
};

/** Pixels added around every box before it is left out of the outside comparison (focus rings, anti-aliasing). */
const BOX_PADDING = 3;
/** A box shows a value when at least this many pixels stand out from its background. */
const MIN_INK_PIXELS = 4;
/** pixelmatch's YIQ distance ceiling. */
const MAX_YIQ_DELTA = 35215;

export interface Comparison {
  width: number;
  height: number;
  /** 1 where live and replay differ (pixelmatch, anti-aliasing tolerated). */
  differs: Uint8Array;
  /** 1 where a box (live or replay) covers the pixel. */
  inBoxes: Uint8Array;
  outsideDiffRatio: number | null;
  boxes: BoxCheck[];
}

/** The images cropped to the size both have (a replay iframe can be a pixel off the live viewport). */
export function commonSize(a: RgbaImage, b: RgbaImage): [RgbaImage, RgbaImage] {
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  return [crop(a, { x: 0, y: 0, width, height }), crop(b, { x: 0, y: 0, width, height })];
}

/** Copies a rectangle out of an image; parts outside the image are left transparent. */
export function crop(image: RgbaImage, rect: Rect): RgbaImage {
  if (rect.x === 0 && rect.y === 0 && rect.width === image.width && rect.height === image.height) return image;
  const data = new Uint8Array(rect.width * rect.height * 4);
  for (let y = 0; y < rect.height; y++) {
    const sy = rect.y + y;
    if (sy < 0 || sy >= image.height) continue;
    const x0 = Math.max(0, rect.x);
    const x1 = Math.min(image.width, rect.x + rect.width);
    if (x1 <= x0) continue;
    data.set(image.data.subarray((sy * image.width + x0) * 4, (sy * image.width + x1) * 4), (y * rect.width + (x0 - rect.x)) * 4);
  }
  return { width: rect.width, height: rect.height, data };
}

function yiqDelta(a: Uint8Array, i: number, b: Uint8Array, j: number): number {
  const dr = a[i]! - b[j]!;
  const dg = a[i + 1]! - b[j + 1]!;
  const db = a[i + 2]! - b[j + 2]!;
  const y = dr * 0.29889531 + dg * 0.58662247 + db * 0.11448223;
  const iq = dr * 0.59597799 - dg * 0.2741761 - db * 0.32180189;
  const q = dr * 0.21147017 - dg * 0.52261711 + db * 0.31114694;
  return 0.5053 * y * y + 0.299 * iq * iq + 0.1957 * q * q;
}

/** Share of `rect`'s pixels that differ between live and the replay shifted by (dx, dy). */
function boxDiffRatio(live: RgbaImage, replay: RgbaImage, rect: Rect, dx: number, dy: number, maxDelta: number): number {
  let differ = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    const ry = y + dy;
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const rx = x + dx;
      // Shifted off the replay image: counts as a difference (nothing there to match).
      if (rx < 0 || ry < 0 || rx >= replay.width || ry >= replay.height) {
        differ++;
        continue;
      }
      if (yiqDelta(live.data, (y * live.width + x) * 4, replay.data, (ry * replay.width + rx) * 4) > maxDelta) differ++;
    }
  }
  return differ / (rect.width * rect.height);
}

/** A pixel is ink when a channel is this far from the box's background colour (as inkPixels). */
const INK_DELTA = 48;

function backgroundOf(image: RgbaImage, rect: Rect): [number, number, number] {
  const counts = new Map<number, number>();
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = (y * image.width + x) * 4;
      const key = ((image.data[i]! >> 4) << 8) | ((image.data[i + 1]! >> 4) << 4) | (image.data[i + 2]! >> 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let background = 0;
  let most = -1;
  for (const [key, count] of counts) {
    if (count > most) [background, most] = [key, count];
  }
  return [((background >> 8) & 15) * 16 + 8, ((background >> 4) & 15) * 16 + 8, (background & 15) * 16 + 8];
}

/**
 * Share of `rect`'s pixels that differ from the replay shifted by (dx, dy), where the replay drew the
 * box elsewhere (a layout shift). Such a shift is rarely a whole pixel: the glyphs are rasterised at
 * another sub-pixel phase, a one-pixel stem becoming two lighter ones, so colours differ along every
 * edge while the text is the same. Compared as ink instead: a pixel differs when one side has ink
 * there and the other has none within a pixel left or right.
 */
function shiftedBoxDiffRatio(live: RgbaImage, replay: RgbaImage, rect: Rect, dx: number, dy: number): number {
  const [br, bg, bb] = backgroundOf(live, rect);
  const ink = (image: RgbaImage, x: number, y: number): boolean => {
    if (x < 0 || y < 0 || x >= image.width || y >= image.height) return false;
    const i = (y * image.width + x) * 4;
    return Math.max(Math.abs(image.data[i]! - br), Math.abs(image.data[i + 1]! - bg), Math.abs(image.data[i + 2]! - bb)) > INK_DELTA;
  };
  let differ = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    const ry = y + dy;
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const rx = x + dx;
      // Shifted off the replay image: counts as a difference (nothing there to match).
      if (rx < 0 || ry < 0 || rx >= replay.width || ry >= replay.height) {
        differ++;
        continue;
      }
      const liveInk = ink(live, x, y);
      const replayInk = ink(replay, rx, ry);
      if (liveInk === replayInk) continue;
      const matched = liveInk ? ink(replay, rx - 1, ry) || ink(replay, rx + 1, ry) : ink(live, x - 1, y) || ink(live, x + 1, y);
      if (!matched) differ++;
    }
  }
  return differ / (rect.width * rect.height);
}

/**
 * The smallest difference over every alignment within ±slack px: a value drawn one pixel off in the
 * replay is still the value. Stops as soon as an alignment shows the box (the leak is established).
 */
function bestAlignedDiff(live: RgbaImage, replay: RgbaImage, rect: Rect, thresholds: VisualThresholds, shift = { dx: 0, dy: 0 }): number {
  const maxDelta = MAX_YIQ_DELTA * thresholds.pixelThreshold ** 2;
  const shifted = shift.dx !== 0 || shift.dy !== 0;
  const ratio = (dx: number, dy: number) => (shifted ? shiftedBoxDiffRatio(live, replay, rect, dx, dy) : boxDiffRatio(live, replay, rect, dx, dy, maxDelta));
  let best = ratio(shift.dx, shift.dy);
  // Whole-page boxes are compared in place only: a shifted page is not a faithful replay either.
  const slack = rect.width * rect.height > 200_000 ? 0 : thresholds.alignmentSlack;
  for (let dy = -slack; dy <= slack && best >= thresholds.minHiddenDiff; dy++) {
    for (let dx = -slack; dx <= slack && best >= thresholds.minHiddenDiff; dx++) {
      if (dx !== 0 || dy !== 0) best = Math.min(best, ratio(shift.dx + dx, shift.dy + dy));
    }
  }
  return best;
}

/** Pixels in `rect` that stand out from its most common colour: text glyphs, a drawn value. */
export function inkPixels(image: RgbaImage, rect: Rect): number {
  const counts = new Map<number, number>();
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = (y * image.width + x) * 4;
      const key = ((image.data[i]! >> 4) << 8) | ((image.data[i + 1]! >> 4) << 4) | (image.data[i + 2]! >> 4);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  let background = 0;
  let most = -1;
  for (const [key, count] of counts) {
    if (count > most) [background, most] = [key, count];
  }
  const [br, bg, bb] = [((background >> 8) & 15) * 16 + 8, ((background >> 4) & 15) * 16 + 8, (background & 15) * 16 + 8];
  let ink = 0;
  for (let y = rect.y; y < rect.y + rect.height; y++) {
    for (let x = rect.x; x < rect.x + rect.width; x++) {
      const i = (y * image.width + x) * 4;
      if (Math.max(Math.abs(image.data[i]! - br), Math.abs(image.data[i + 1]! - bg), Math.abs(image.data[i + 2]! - bb)) > 48) ink++;
    }
  }
  return ink;
}

function roundRect(r: Rect): Rect {
  const x = Math.floor(r.x);
  const y = Math.floor(r.y);
  return { x, y, width: Math.ceil(r.x + r.width) - x, height: Math.ceil(r.y + r.height) - y };
}

function clampRect(rect: Rect, width: number, height: number, pad = 0): Rect | null {
  const x = Math.max(0, Math.floor(rect.x - pad));
  const y = Math.max(0, Math.floor(rect.y - pad));
  const right = Math.min(width, Math.ceil(rect.x + rect.width + pad));
  const bottom = Math.min(height, Math.ceil(rect.y + rect.height + pad));
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/**
 * Compares a live screenshot with the replay of the same moment.
 * Inside every box where the live page shows a value, the replay must differ (masking is visibly
 * applied); outside all boxes, it must match (the replay is still a faithful record).
 * `located[i]` is live region i's node found in the replay: its box is compared with the replay
 * there, where the replay drew that node (masked text of another width shifts what follows), not at
 * the live coordinates. A region whose node is absent from the replay (null, or no `located` at all)
 * is compared at the live position, and its check says so.
 */
export function compareScreens(
  liveImage: RgbaImage,
  replayImage: RgbaImage,
  liveRegions: Region[],
  replayRegions: Region[],
  thresholds: VisualThresholds = DEFAULT_THRESHOLDS,
  located: readonly (LocatedInReplay | null)[] = [],
): Comparison {
  const [live, replay] = commonSize(liveImage, replayImage);
  const { width, height } = live;
  const out = new Uint8Array(width * height * 4);
  pixelmatch(live.data, replay.data, out, width, height, { threshold: thresholds.pixelThreshold, includeAA: !thresholds.antiAliasingTolerance, diffMask: true });
  const differs = new Uint8Array(width * height);
  for (let i = 0; i < differs.length; i++) differs[i] = out[i * 4 + 3]! > 0 ? 1 : 0;

  const inBoxes = new Uint8Array(width * height);
  for (const region of [...liveRegions, ...replayRegions]) {
    const rect = clampRect(region.rect, width, height, BOX_PADDING);
    if (!rect) continue;
    for (let y = rect.y; y < rect.y + rect.height; y++) inBoxes.fill(1, y * width + rect.x, y * width + rect.x + rect.width);
  }
  let outside = 0;
  let outsideDiffering = 0;
  for (let i = 0; i < inBoxes.length; i++) {
    if (inBoxes[i]) continue;
    outside++;
    outsideDiffering += differs[i]!;
  }

  const boxes: BoxCheck[] = [];
  liveRegions.forEach((region, i) => {
    if (!region.hasValue || region.kind === 'password') return;
    const rect = clampRect(region.valueRect, width, height);
    if (!rect || inkPixels(live, rect) < MIN_INK_PIXELS) return;
    const there = located[i] ?? null;
    // The live box's top-left moved to where the replay drew the same node's value.
    const shift = there ? { dx: Math.round(there.valueRect.x - region.valueRect.x), dy: Math.round(there.valueRect.y - region.valueRect.y) } : { dx: 0, dy: 0 };
    const diffRatio = bestAlignedDiff(live, replay, rect, thresholds, shift);
    boxes.push({
      kind: region.kind,
      on: region.on,
      label: region.label,
      rect: region.rect,
      located: there ? 'replay-node' : 'live-position',
      replayRect: there ? roundRect(there.rect) : region.rect,
      planted: region.planted,
      diffRatio,
      hidden: diffRatio >= thresholds.minHiddenDiff,
    });
  });
  return { width, height, differs, inBoxes, outsideDiffRatio: outside > 0 ? outsideDiffering / outside : null, boxes };
}

/**
 * The part of the page a reader should look at: around the failed boxes if any, else the planted
 * values, else every box; padded, at least half the page each way, inside the page.
 */
export function focusRect(width: number, height: number, regions: readonly Region[], boxes: readonly BoxCheck[]): Rect {
  const failed = boxes.filter((b) => !b.hidden).map((b) => b.rect);
  const planted = regions.filter((r) => r.planted).map((r) => r.rect);
  const all = regions.filter((r) => r.kind !== 'unrecorded-route').map((r) => r.rect);
  const rects = failed.length ? failed : planted.length ? planted : all;
  if (rects.length === 0) return { x: 0, y: 0, width, height };
  const pad = 32;
  let x0 = Math.min(...rects.map((r) => r.x)) - pad;
  let y0 = Math.min(...rects.map((r) => r.y)) - pad;
  let x1 = Math.max(...rects.map((r) => r.x + r.width)) + pad;
  let y1 = Math.max(...rects.map((r) => r.y + r.height)) + pad;
  const grow = (lo: number, hi: number, min: number, max: number): [number, number] => {
    const need = Math.max(0, min - (hi - lo));
    let a = lo - need / 2;
    let b = hi + need / 2;
    if (a < 0) [a, b] = [0, b - a];
    if (b > max) [a, b] = [Math.max(0, a - (b - max)), max];
    return [Math.round(a), Math.round(b)];
  };
  [x0, x1] = grow(x0, x1, width / 2, width);
  [y0, y1] = grow(y0, y1, height / 2, height);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}
