/** A rectangle in CSS pixels, relative to the top-left of the viewport. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Why a region must look different in the replay:
 * - masked-text / masked-input / blocked: the recorder config masks or blocks it;
 * - planted-value: it shows a value the journey planted (a canary), whatever the config says;
 * - password: a password field (never shows its value, so only kept out of the outside comparison);
 * - unrecorded-route: the whole page sits on a route the config never records.
 */
export type RegionKind = 'masked-text' | 'masked-input' | 'blocked' | 'planted-value' | 'password' | 'unrecorded-route';

export type RegionHolder = 'text' | 'field' | 'element' | 'page';

/** Part of the page where the replay must not show what the live page shows. */
export interface Region {
  kind: RegionKind;
  /** What holds the value: a text node, a form field, a blocked element, the whole page. */
  on: RegionHolder;
  /** The element, for humans: "#card-number", "#admin-users td". Never the value. */
  label: string;
  /** The element's box: outlined in the images and left out of the outside comparison. */
  rect: Rect;
  /** Where the value itself is drawn (an input's content box, a text's line box). */
  valueRect: Rect;
  /** The DOM holds a value there (non-empty input value, non-blank text, content in a blocked element). */
  hasValue: boolean;
  /** It holds a planted value (a canary), not only text the config masks. */
  planted: boolean;
  /** Where its node sits in the document, to find the same node in the replay (null: the whole page). */
  node: NodeLocator | null;
}

/**
 * A node, located the way its replay rebuilds it: from the nearest ancestor with a unique id (or
 * <body>), element-child steps down (scripts, styles, links, metas, templates not counted); for text,
 * the index among the parent's non-blank text nodes, the character range and the line box.
 */
export interface NodeLocator {
  anchor: string | null;
  steps: number[];
  tag: string;
  text: number | null;
  start: number;
  end: number;
  line: number;
}

/** A region's node found in the replay: its box and where its value is drawn there. */
export interface LocatedInReplay {
  rect: Rect;
  valueRect: Rect;
}

/** What a recorder config masks or blocks, as CSS selectors the region finder can apply to a page. */
export interface PrivacySelectors {
  /** Text inside an element matching this is masked (null: none). */
  maskText: string | null;
  /** Text inside an element matching this is not masked when it is nearer than a maskText match (Sentry's unmask). */
  unmaskText: string | null;
  /** All text is masked unless unmasked (Sentry's maskAllText). */
  maskAllText: boolean;
  /** Input values masked: 'all', or the input types / tag names masked (e.g. ["password", "email"]). */
  maskInputs: 'all' | string[];
  /** Inputs whose values are never recorded (rrweb ignoreClass / Sentry ignore). */
  ignoreInputs: string | null;
  /** Elements replaced by an empty placeholder. */
  block: string | null;
  /** Regular expressions where nothing is recorded, on the URL path (rrweb policy) or the whole URL (PostHog). */
  neverRecordOn: { source: string; against: 'path' | 'url' }[];
}

/** What the region finder needs in the page. */
export interface RegionSpec extends Omit<PrivacySelectors, 'neverRecordOn'> {
  /** Planted values to look for in text and input values. */
  plantedValues: string[];
  /** The page is on a route the config never records. */
  routeUnrecorded: boolean;
}

/** One region's check: did the replay visibly hide what the live page showed there? */
export interface BoxCheck {
  kind: RegionKind;
  on: RegionHolder;
  label: string;
  rect: Rect;
  planted: boolean;
  /**
   * Where the replay side was compared: at the same node in the replay ("replay-node"; a layout shift
   * moves the box with it), or at the live page's position because the node is not in the replay.
   */
  located: 'replay-node' | 'live-position';
  /** The box in the replay, where it was compared (the live box when the node is not in the replay). */
  replayRect: Rect;
  /** Share of the value box's pixels that differ between live and replay (best alignment within ±2 px). */
  diffRatio: number;
  /** false: the replay shows what the live page shows there. */
  hidden: boolean;
}

/** The numbers a visual check is decided with; stated in every report. */
export interface VisualThresholds {
  /** pixelmatch's per-pixel colour threshold (0..1, YIQ distance). */
  pixelThreshold: number;
  /** Anti-aliased pixels are not counted as differences. */
  antiAliasingTolerance: boolean;
  /** Inside a box that shows a value, at least this share of pixels must differ. */
  minHiddenDiff: number;
  /** Outside every box, at most this share of pixels may differ. */
  maxOutsideDiff: number;
  /** Boxes are compared at every offset up to this many pixels, so a 1 px shift cannot hide a leak. */
  alignmentSlack: number;
}

/** The visual proof made at one key moment of a journey. */
export interface VisualProof {
  /** The key moment, e.g. "form filled". */
  name: string;
  status: 'pass' | 'fail';
  /** Why it failed: one line each, never a value. */
  reasons: string[];
  /** Page URL path at the key moment. */
  path: string;
  /** Timestamp (page clock, ms) of the last recorded event the replay was played up to. */
  lastEventTimestamp: number | null;
  /** Events replayed (those up to the key moment). */
  eventsReplayed: number;
  viewport: { width: number; height: number };
  thresholds: VisualThresholds;
  /** Share of pixels outside every box that differ (null when the boxes cover the whole page). */
  outsideDiffRatio: number | null;
  /** Boxes where the live page showed a value, checked. */
  boxes: BoxCheck[];
  /** Labels of boxes whose node is not in the replay (compared at the live page's position instead). */
  notInReplay?: string[];
  /** Regions found in the live page, by kind. */
  regionCounts: Partial<Record<RegionKind, number>>;
  /** The part of the images worth a close look: where the planted values (or the failures) are. */
  focus: Rect;
  /** PNGs, relative to the report directory: live page, replay, difference (boxes outlined in each); null when the proof could not be made. */
  images: { live: string; replay: string; diff: string } | null;
  /** Time the proof added to the journey. */
  durationMs: number;
}
