import type { CaseId } from '../verdict/cases.ts';

/** One step of a declarative journey, as written in YAML or JSON. */
export type JourneyStep =
  | { goto: string }
  | { fill: { selector: string; value: string } }
  | { type: { selector: string; value: string } }
  | { click: string | { selector: string; times?: number } }
  | { tap: string }
  | { swipe: { selector: string; direction: 'left' | 'right' | 'up' | 'down' } }
  | { press: string | { selector?: string; key: string } }
  | { select: { selector: string; option: string } }
  | { waitFor: string | WaitFor }
  | { keyMoment: string }
  | { expect: string | ExpectStep };

export interface WaitFor {
  selector?: string;
  state?: 'visible' | 'hidden' | 'attached' | 'detached';
  /** One attribute and the value it must reach, e.g. { data-state: done }. */
  attribute?: Record<string, string>;
  text?: string;
  /** A regular expression the page URL must match. */
  url?: string;
}

/** An expected result of the test-case table, with the options its audit takes. */
export interface ExpectStep {
  case: CaseId;
  fields?: string[];
  routes?: string[];
  apiPaths?: string[];
  button?: string;
  minClicks?: number;
  windowMs?: number;
  tapTarget?: string;
  swipeArea?: string;
}

export interface Journey {
  name: string;
  description?: string;
  device?: 'desktop' | 'mobile';
  steps: JourneyStep[];
  /** The file it came from. */
  source: string;
}

/** The step's name: its only key. */
export function stepName(step: JourneyStep): string {
  return Object.keys(step)[0]!;
}
