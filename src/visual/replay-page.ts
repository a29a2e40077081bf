import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { EventType, type eventWithTime } from '@rrweb/types';
import { type FoundRegions, locatorFunction, regionFinderFunction } from './page-regions.ts';
import type { LocatedInReplay, NodeLocator, RegionSpec } from './types.ts';

const require = createRequire(import.meta.url);

let cachedAssets: { bundle: string; css: string } | undefined;

/** rrweb's UMD bundle (sets window.rrweb, Replayer included) and the Replayer's stylesheet. */
function replayerAssets(): { bundle: string; css: string } {
  if (!cachedAssets) {
    const dist = dirname(require.resolve('rrweb'));
    cachedAssets = {
      // Without its source-map comment: the page would try to fetch the map.
      bundle: readFileSync(join(dist, 'rrweb.umd.min.cjs'), 'utf8').replace(/\n\/\/# sourceMappingURL=[^\n]*\s*$/, '\n'),
      css: readFileSync(join(dist, 'style.css'), 'utf8'),
    };
  }
  return cachedAssets;
}

/** The page the Replayer draws in: no margins, no mouse cursor drawn over the replay. */
function hostPage(css: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<style>${css}</style>
<style>html, body { margin: 0; padding: 0; overflow: hidden; background: #fff; }
.replayer-wrapper { position: absolute; left: 0; top: 0; }
.replayer-mouse, .replayer-mouse-tail { display: none !important; }
.replayer-wrapper > iframe { border: 0; display: block; }</style></head><body></body></html>`;
}

export interface ReplayShot {
  png: Buffer;
  /** Regions found in the rebuilt document (where the masked text is drawn in the replay). */
  regions: FoundRegions | null;
  /** Each requested node found in the rebuilt document (by its locator), or null where it is absent. */
  located: (LocatedInReplay | null)[];
  eventsReplayed: number;
}

/**
 * The events the replay plays: those recorded up to the key moment, in time order, from the last
 * page load's Meta and full snapshot on (what the Replayer would keep anyway; less to hand the page).
 */
export function eventsUpTo(events: readonly eventWithTime[], timestamp: number): eventWithTime[] {
  const upTo = events.filter((e) => e.timestamp <= timestamp).sort((a, b) => a.timestamp - b.timestamp);
  const snapshot = upTo.findLastIndex((e) => e.type === EventType.FullSnapshot);
  if (snapshot < 0) return upTo;
  const meta = upTo.findLastIndex((e, i) => i < snapshot && e.type === EventType.Meta);
  return upTo.slice(meta >= 0 ? meta : snapshot);
}

/**
 * A page that replays recordings with rrweb's Replayer: one per worker, in a context of the test's
 * browser with the live context's scale factor and touch settings, so no browser is launched and
 * no context is opened per journey. Each replay sizes the page to the live viewport.
 */
export class ReplayStage {
  private page: Promise<Page> | undefined;

  constructor(private readonly context: BrowserContext) {}

  /** Opens the page and loads the Replayer; call early to overlap it with the journey's own waits. */
  ready(): Promise<Page> {
    this.page ??= (async () => {
      const { bundle, css } = replayerAssets();
      const page = await this.context.newPage();
      await page.setContent(hostPage(css));
      await page.addScriptTag({ content: bundle });
      return page;
    })();
    return this.page;
  }

  /**
   * Replays `recorded` up to `timestamp` and screenshots the replay's iframe, then finds the regions
   * in the rebuilt document. Waits for its stylesheets, images and fonts, then two frames: never a
   * fixed sleep.
   */
  async screenshot(
    recorded: readonly eventWithTime[],
    timestamp: number,
    viewport: { width: number; height: number },
    spec: RegionSpec,
    locators: readonly (NodeLocator | null)[] = [],
  ): Promise<ReplayShot> {
    const events = eventsUpTo(recorded, timestamp);
    const page = await this.ready();
    await page.setViewportSize(viewport);
    const hasSnapshot = events.some((e) => e.type === EventType.FullSnapshot);
    // Events strictly before the baseline are applied synchronously by pause(): +1 includes the last one.
    const offset = hasSnapshot ? timestamp - events[0]!.timestamp + 1 : 0;
    const replayed = await page.evaluate(
      async ({ events, offset, hasSnapshot, size, finder, locate }) => {
        type Replayer = { iframe: HTMLIFrameElement; pause(offset: number): void; destroy(): void; on(event: 'resize', handler: () => void): void };
        const host = window as unknown as { rrweb: { Replayer: new (events: unknown[], config: object) => Replayer }; __replayer?: Replayer };
        host.__replayer?.destroy();
        host.__replayer = undefined;
        // Nothing recorded up to this moment: the replay is an empty page.
        if (!hasSnapshot) return { box: { x: 0, y: 0, width: innerWidth, height: innerHeight }, regions: null, located: null };
        const replayer = new host.rrweb.Replayer(events, {
          root: document.body,
          mouseTail: false,
          showWarning: false,
          showDebug: false,
          skipInactive: false,
          UNSAFE_replayCanvas: false,
          pauseAnimation: true,
        });
        host.__replayer = replayer;
        // The recording's Meta size is window.innerWidth, which on a zoomed-out mobile page is wider
        // than the layout viewport the live page was drawn at: lay the replay out at the live size.
        // On every resize the Replayer applies, after its own handler (registered first): its
        // constructor re-applies the first Meta's size on a timer, after pause() has returned.
        const liveSize = () => {
          replayer.iframe.setAttribute('width', String(size.width));
          replayer.iframe.setAttribute('height', String(size.height));
        };
        replayer.on('resize', liveSize);
        replayer.pause(offset);
        liveSize();
        const doc = replayer.iframe.contentDocument;
        if (doc) {
          const settled = (el: Element) =>
            new Promise((resolve) => {
              el.addEventListener('load', resolve, { once: true });
              el.addEventListener('error', resolve, { once: true });
            });
          const pending = [
            ...Array.from(doc.images).filter((img) => !img.complete),
            ...Array.from(doc.querySelectorAll<HTMLLinkElement>('link[rel="stylesheet"]')).filter((link) => !link.sheet),
          ];
          await Promise.all(pending.map(settled));
          await doc.fonts.ready;
        }
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        const r = replayer.iframe.getBoundingClientRect();
        // The region finder, run on the rebuilt document (its source is evaluated in this page).
        const regions = doc ? (new Function('doc', `return (${finder})(doc)`) as (doc: Document) => unknown)(doc) : null;
        // The live page's boxes, found by their nodes in the rebuilt document (wherever the replay laid them out).
        const located = doc ? (new Function('doc', `return (${locate})(doc)`) as (doc: Document) => unknown)(doc) : null;
        return { box: { x: r.x, y: r.y, width: r.width, height: r.height }, regions, located };
      },
      {
        events: events as unknown[],
        offset,
        hasSnapshot,
        size: viewport,
        finder: regionFinderFunction({ ...spec, routeUnrecorded: false }),
        locate: locatorFunction(locators),
      },
    );
    const box = replayed.box;
    const clip = { x: box.x, y: box.y, width: Math.min(box.width, viewport.width), height: Math.min(box.height, viewport.height) };
    const png = await page.screenshot({ scale: 'css', clip, animations: 'disabled', caret: 'hide' });
    const located = (replayed.located as (LocatedInReplay | null)[] | null) ?? locators.map(() => null);
    return { png, regions: replayed.regions as FoundRegions | null, located, eventsReplayed: events.length };
  }
}
