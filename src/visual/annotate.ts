import type { Comparison, RgbaImage } from './compare.ts';
import type { BoxCheck, Rect, Region } from './types.ts';

type Rgb = readonly [number, number, number];

/** Outline colours: what the config masks (blue), planted values hidden (green), anything the replay shows (red). */
export const OUTLINE = { masked: [47, 111, 237], planted: [18, 161, 80], failed: [229, 72, 77] } as const satisfies Record<string, Rgb>;

function strokeRect(image: RgbaImage, rect: Rect, color: Rgb, thickness: number): void {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(image.width - 1, Math.ceil(rect.x + rect.width) - 1);
  const y1 = Math.min(image.height - 1, Math.ceil(rect.y + rect.height) - 1);
  if (x1 < x0 || y1 < y0) return;
  const paint = (x: number, y: number) => {
    const i = (y * image.width + x) * 4;
    image.data[i] = color[0];
    image.data[i + 1] = color[1];
    image.data[i + 2] = color[2];
    image.data[i + 3] = 255;
  };
  for (let t = 0; t < thickness; t++) {
    for (let x = x0; x <= x1; x++) {
      if (y0 + t <= y1) paint(x, y0 + t);
      if (y1 - t >= y0) paint(x, y1 - t);
    }
    for (let y = y0; y <= y1; y++) {
      if (x0 + t <= x1) paint(x0 + t, y);
      if (x1 - t >= x0) paint(x1 - t, y);
    }
  }
}

/** Draws every region's box on a copy of the image: red where the replay showed what it had to hide. */
export function outlineRegions(image: RgbaImage, regions: readonly Region[], boxes: readonly BoxCheck[]): RgbaImage {
  const copy: RgbaImage = { width: image.width, height: image.height, data: new Uint8Array(image.data) };
  const failed = boxes.filter((b) => !b.hidden);
  // Thin outlines first, failures last so they stay on top.
  for (const region of regions) {
    // A never-recorded route covers the whole page: the report says so, an outline would hide nothing.
    if (region.kind === 'unrecorded-route') continue;
    strokeRect(copy, region.rect, region.planted ? OUTLINE.planted : OUTLINE.masked, 1);
  }
  for (const box of failed) strokeRect(copy, box.rect, OUTLINE.failed, 3);
  return copy;
}

/** The difference image: the live page faded to grey, differences blue inside boxes and red outside, boxes outlined. */
export function diffImage(live: RgbaImage, comparison: Comparison, regions: readonly Region[]): RgbaImage {
  const { width, height, differs, inBoxes } = comparison;
  const data = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      const o = i * 4;
      if (differs[i]) {
        // Inside boxes a difference is the masking at work (blue); outside it is a fidelity problem (red).
        const inside = inBoxes[i] === 1;
        data[o] = inside ? 96 : 214;
        data[o + 1] = inside ? 140 : 40;
        data[o + 2] = inside ? 240 : 40;
      } else {
        const s = (y * live.width + x) * 4;
        const gray = 0.299 * live.data[s]! + 0.587 * live.data[s + 1]! + 0.114 * live.data[s + 2]!;
        data[o] = data[o + 1] = data[o + 2] = 255 - (255 - gray) * 0.18;
      }
      data[o + 3] = 255;
    }
  }
  return outlineRegions({ width, height, data }, regions, comparison.boxes);
}
