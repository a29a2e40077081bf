/** The leak detection engine's own types; the shapes every layer reads are in src/contract/findings.ts. */
export type { AllowList, Canary, CanaryKind, Detector, Encoding, Finding } from '../contract/findings.ts';
import type { AllowList, Canary, Finding } from '../contract/findings.ts';

export interface ScanOptions {
  canaries?: Canary[];
  allow?: AllowList;
  /** Run the pattern detectors (email, card, ...). Default true. */
  patterns?: boolean;
  /** Masked values keep their last N characters (e.g. last four of a card) and are not leaks. Default 0. */
  maskedLastChars?: number;
}

/**
 * A streaming scanner: feed events one at a time (memory stays bounded by the largest event),
 * then call finish() for findings that need the whole stream (values split across events).
 */
export interface Scanner {
  /**
   * `json`: the event's text as read, to also scan the values of repeated keys JSON.parse dropped; or
   * those earlier copies already parsed (a large event's, see parseLargeEvent). `members`: the
   * object members in `json` when already counted (else they are counted here).
   */
  scanEvent(event: unknown, eventIndex: number, json?: Uint8Array | unknown[], members?: number): Finding[];
  finish(): Finding[];
  readonly eventsScanned: number;
}
