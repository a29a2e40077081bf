import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from '@playwright/test';
import type { eventWithTime } from '@rrweb/types';
import { PNG } from 'pngjs';
import type { RecorderConfig } from '../config/recorder-config.ts';
import type { Canary } from '../detect/types.ts';
import { diffImage, outlineRegions } from './annotate.ts';
import { DEFAULT_THRESHOLDS, type RgbaImage, compareScreens, focusRect } from './compare.ts';
import { decideVisual } from './decide.ts';
import { liveRegions } from './page-regions.ts';
import { privacySelectors, routeUnrecorded } from './privacy-selectors.ts';
import type { ReplayStage } from './replay-page.ts';
import type { RegionKind, RegionSpec, VisualProof, VisualThresholds } from './types.ts';

export interface KeyMomentInputs {
  page: Page;
  /** Where the recording is replayed (a page of the test's browser). */
  stage: ReplayStage;
  config: RecorderConfig;
  canaries: readonly Canary[];
  /** Everything recorded so far, after the recorder delivered what it holds. */
  recordedEvents: () => Promise<eventWithTime[]>;
  reportDir: string;
  /** File name stem for the images, e.g. "desktop-pii-form-submit-form-filled". */
  fileStem: string;
  thresholds?: VisualThresholds;
}

// The live page is left exactly as it is: hiding the caret would set inline styles on its inputs
// and stopping animations would fire animationend in the app, both seen (and recorded) by the page.
const LIVE_SCREENSHOT = { scale: 'css', animations: 'allow', caret: 'initial' } as const;

function decode(png: Buffer): RgbaImage {
  const image = PNG.sync.read(png);
  return { width: image.width, height: image.height, data: image.data };
}

function encode(image: RgbaImage): Buffer {
  // Fast: no per-row filter search, light deflate. Screenshots are flat colours and compress well anyway.
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.length);
  return PNG.sync.write(png, { filterType: 0, deflateLevel: 1 });
}

/**
 * The visual proof at a key moment of a journey: screenshots the live page, replays the recording
 * up to the last event recorded by then, screenshots the replay, and compares the two inside and
 * outside the boxes the config masks or blocks (and wherever a planted value shows).
 * Writes live, replay and diff PNGs with the boxes outlined under <report>/visual/.
 */
export async function proveKeyMoment(name: string, inputs: KeyMomentInputs): Promise<VisualProof> {
  const started = Date.now();
  const thresholds = inputs.thresholds ?? DEFAULT_THRESHOLDS;
  const { page } = inputs;
  const selectors = privacySelectors(inputs.config);
  const { neverRecordOn: _routes, ...masks } = selectors;
  const spec: RegionSpec = { ...masks, plantedValues: inputs.canaries.map((c) => c.value), routeUnrecorded: routeUnrecorded(selectors, page.url()) };

  const livePng = await page.screenshot(LIVE_SCREENSHOT);
  const live = await liveRegions(page, spec);
  // Everything recorded up to now (the page's clock, read with the regions) describes what the screenshot shows.
  const now = live.now;
  const events = await inputs.recordedEvents();
  const lastEventTimestamp = events.reduce<number | null>((last, e) => (e.timestamp <= now && (last === null || e.timestamp > last) ? e.timestamp : last), null);
  // Each box is found again in the replay by its node, so a layout shift cannot move the value out of the compared box.
  const shot = await inputs.stage.screenshot(events, lastEventTimestamp ?? now, live.viewport, spec, live.regions.map((r) => r.node));

  const liveImage = decode(livePng);
  const replayImage = decode(shot.png);
  const replayRegions = shot.regions?.regions ?? [];
  const comparison = compareScreens(liveImage, replayImage, live.regions, replayRegions, thresholds, shot.located);
  const { status, reasons } = decideVisual(name, comparison.boxes, comparison.outsideDiffRatio, thresholds);

  const dir = join(inputs.reportDir, 'visual');
  mkdirSync(dir, { recursive: true });
  const files = { live: join(dir, `${inputs.fileStem}-live.png`), replay: join(dir, `${inputs.fileStem}-replay.png`), diff: join(dir, `${inputs.fileStem}-diff.png`) };
  writeFileSync(files.live, encode(outlineRegions(liveImage, live.regions, comparison.boxes)));
  // The replay's outlines sit where the replay drew each node, which a layout shift can move.
  const inReplay = live.regions.map((r, i) => {
    const there = shot.located[i];
    return there ? { ...r, rect: there.rect } : r;
  });
  writeFileSync(files.replay, encode(outlineRegions(replayImage, inReplay, comparison.boxes.map((b) => ({ ...b, rect: b.replayRect })))));
  writeFileSync(files.diff, encode(diffImage(liveImage, comparison, live.regions)));

  const regionCounts: Partial<Record<RegionKind, number>> = {};
  for (const region of live.regions) regionCounts[region.kind] = (regionCounts[region.kind] ?? 0) + 1;
  return {
    name,
    status,
    reasons,
    path: live.path,
    lastEventTimestamp,
    eventsReplayed: shot.eventsReplayed,
    viewport: { width: comparison.width, height: comparison.height },
    thresholds,
    outsideDiffRatio: comparison.outsideDiffRatio,
    boxes: comparison.boxes,
    notInReplay: [...new Set(comparison.boxes.filter((b) => b.located === 'live-position').map((b) => b.label))],
    regionCounts,
    focus: focusRect(comparison.width, comparison.height, live.regions, comparison.boxes),
    images: { live: relative(inputs.reportDir, files.live), replay: relative(inputs.reportDir, files.replay), diff: relative(inputs.reportDir, files.diff) },
    durationMs: Date.now() - started,
  };
}
