/**
 * The contract between the harness and the leak detection engine (a leaf: src/detect/types.ts re-exports it).
 * The journeys plant canaries; the engine reports findings; verdicts and reports consume findings.
 */

/** What kind of personal data a canary stands for. Free-form beyond these, but these are used. */
export type CanaryKind =
  | 'fullName'
  | 'firstName'
  | 'lastName'
  | 'email'
  | 'phone'
  | 'streetAddress'
  | 'card'
  | 'cardExpiry'
  | 'cvv'
  | 'ssn'
  | 'password'
  | 'token'
  | (string & {});

/** A value a journey planted and that must never appear in a recording. */
export interface Canary {
  kind: CanaryKind;
  value: string;
  /** Where it was planted, for humans: e.g. "checkout form › card number". */
  label?: string;
}

/**
 * `credential`: a value under a credential's name (an Authorization header, a `token` query parameter, a session cookie).
 * `ip`: a public IP address; `dob`: a date next to a birth label; `national-id`: national and tax ids; `passport`: passport numbers after a passport label, and machine-readable zones; `crypto`: wallet addresses; `person-name`, `street-address`: names and addresses nobody planted.
 */
export type Detector =
  | 'canary'
  | 'email'
  | 'card'
  | 'ssn'
  | 'phone'
  | 'iban'
  | 'jwt'
  | 'bearer'
  | 'apikey'
  | 'credential'
  | 'ip'
  | 'dob'
  | 'national-id'
  | 'passport'
  | 'crypto'
  | 'private-key'
  | 'person-name'
  | 'street-address';

/** How the value was written where it was found ('gzip': inside a base64 gzip, brotli or zlib blob; 'slug': lower-cased, accents folded, words joined by - or .). */
/** `digits`: a number regrouped; `separators`: a value with letters written with other separators or none. */
export type Encoding = 'plain' | 'case' | 'digits' | 'separators' | 'url' | 'json' | 'html' | 'base64' | 'gzip' | 'split' | 'slug';

export interface Finding {
  detector: Detector;
  /** Canary kind, or the pattern's kind (e.g. "visa", "aws-access-key"). */
  kind: string;
  /** Index of the event in the recording (0-based). */
  eventIndex: number;
  /** rrweb EventType of that event. */
  eventType: number;
  /** IncrementalSource for incremental snapshots; absent otherwise. */
  eventSource?: number;
  /** JSON path inside the event, e.g. "data.node.childNodes[1].childNodes[0].textContent". */
  path: string;
  /** rrweb node id, where the finding sits in a serialized node or an event about one. */
  nodeId?: number;
  encoding: Encoding;
  /** Redacted form: never the full value (e.g. "jo•••@•••.com", "•••• 4242"). */
  redacted: string;
  /** SHA-256 (hex) of the full value found, so two findings can be matched without revealing it. */
  sha256: string;
  /** For canaries: the canary's label. */
  label?: string;
}

export interface AllowList {
  /** Exact values that are known safe (compared case-insensitively). */
  values?: string[];
  /** Regular expression sources; a match on the whole value makes it safe. */
  patterns?: string[];
}

