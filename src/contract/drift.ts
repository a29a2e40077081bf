/** The drift audit's shapes: what the in-page inventory lists, how an element is classified, the baseline and the result. */
/** A route's risk class (maskproof.config `routes[].risk`). */
export type RiskClass = 'high' | 'medium' | 'low';

/** What the page says about one element (src/drift/inventory.browser.js). */
export interface ElementFacts {
  selector: string;
  kind: 'input' | 'textarea' | 'select' | 'iframe' | 'contenteditable' | 'text';
  tag: string;
  inputType?: string;
  /** It or an ancestor matches the recorder's blockSelector / blockClass. */
  blocked: boolean;
  /** It or an ancestor matches maskTextSelector / maskTextClass. */
  textMasked: boolean;
  /** It or an ancestor matches one of the config's `allow.selectors`. */
  allowed: boolean;
  /** It or an ancestor matches one of the config's `pii` selectors. */
  pii: boolean;
  crossOrigin?: boolean;
  /** Inside a same-origin iframe: that iframe's selector (`selector` is then relative to its document). */
  frame?: string;
}

/** The inventory of one route's page, as the drift spec writes it. */
export interface RouteInventory {
  route: string;
  risk: RiskClass;
  /** The path the page ended on (after redirects): what neverRecordOn is matched against. */
  finalPath: string;
  elements: ElementFacts[];
}

export type ProtectionStatus = 'blocked' | 'masked' | 'allowed' | 'unprotected';

export interface ClassifiedElement {
  route: string;
  selector: string;
  kind: ElementFacts['kind'];
  status: ProtectionStatus;
  /** Why this status, in a few words. */
  why: string;
  /** Unprotected and the route's risk class (or the `pii` list) requires protection: a failure. */
  violation: boolean;
  /** For a violation: what to add to the recorder config. */
  fix?: string;
}

/** The baseline file: the protection state of every element, sorted, diff-friendly. */
export interface DriftBaseline {
  version: 1;
  routes: Record<string, { risk: RiskClass; elements: { selector: string; kind: string; status: ProtectionStatus }[] }>;
}

/** One element of the drift result: its classification, and whether it fails this run (new since the baseline, or any violation without one). */
export interface DriftElementResult extends ClassifiedElement {
  failing: boolean;
}

/** The drift audit's result (<report>/drift-result.json): what every report format renders of it. */
export interface DriftResult {
  startedAt: string;
  durationMs: number;
  /** The recorder config's name. */
  recorder: string;
  /** The baseline compared against (relative to the working directory), when there was one. */
  baseline?: string;
  routes: { route: string; risk: RiskClass }[];
  elements: DriftElementResult[];
  /** Route-level failures (a high-risk route that records). */
  routeProblems: string[];
  /** Playwright arguments limited the audit: how many routes of the config ran. */
  partial?: { audited: number; configured: number };
}
