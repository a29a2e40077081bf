import type { DriftResult } from './drift.ts';
import type { MatrixFile } from './matrix.ts';
import type { Finding } from './findings.ts';
import type { AuditStatus } from './verdict.ts';
import type { VisualProof } from './visual.ts';
import type { PrivacySetting } from './settings.ts';

export type { PrivacySetting } from './settings.ts';

/** Where a journey's evidence files are, relative to the report directory. */
export interface CaseEvidence {
  /** The rrweb events as recorded (replayable, scannable). */
  recording: string;
  /** Everything the audits saw: events with page URLs, ingest requests, canaries, verdicts. */
  evidence: string;
  /** The visual proof at each key moment, with its live / replay / diff PNGs. */
  visual: VisualProof[];
}

/** reports/results.json: the contract CI and other tools read. */
export interface CaseResult {
  id: string;
  journey: string;
  expected: string;
  project: string;
  status: AuditStatus;
  /** What the audit concluded, in one sentence (its title or failure title). */
  title?: string;
  reasons: string[];
  durationMs: number;
  findings: Finding[];
  details: Record<string, unknown>;
  recording?: string;
  /** The recorder the journey ran with, as reports name it (its descriptor's name). */
  recorder?: string;
  /** Evidence files, relative to the report directory. */
  evidence?: CaseEvidence;
}

export interface RunResults {
  seed: number;
  /** Name of the recorder config (e.g. "safe", "sentry-default"). */
  recorder: string;
  /** Which recorder it drives: a vendor kind of the registry. */
  recorderKind?: string;
  /** That recorder as the report names it (its descriptor's label). */
  recorderLabel?: string;
  recorderConfig: string;
  startedAt: string;
  durationMs: number;
  cases: CaseResult[];
  /** The app the journeys ran against. */
  appUrl?: string;
  /** The browser that ran them, e.g. "Chromium 140.0.7339.16". */
  browser?: string;
  /** Where that browser came from, e.g. "system Chromium" or "packaged Chromium (npm @sparticuz/chromium)". */
  browserSource?: string;
  /** The recorder config's privacy settings, readable. */
  recorderSettings?: PrivacySetting[];
  /** Set by `maskproof merge`: how many shards' results this run joins. */
  shards?: number;
  /** The run was stopped (SIGINT, SIGTERM) before every journey finished: its rows prove nothing about the rest. */
  interrupted?: boolean;
  /** Chromium crashed or was killed during the run: the rows it cut short are harness errors, and the run is no verdict. */
  browserCrashed?: boolean;
  /** Errors outside any journey (the app server failed to start, a config error in Playwright), first lines. */
  errors?: string[];
  /** The app server's last output lines, kept when the run had such an error. */
  serverOutput?: string[];
}

/**
 * The result model of one report directory: the three kinds of check, each its own section (the privacy
 * audits' run, the leak-vector matrix, the drift audit). Every report format renders from it, so a format
 * is one file that serves all three (src/report/formats.ts).
 */
export interface ReportModel {
  /** The privacy audits (results.json): the table rows of `maskproof run`, or of `maskproof merge`. */
  run?: RunResults;
  /** The leak-vector matrix (matrix.json): `maskproof matrix`. */
  matrix?: MatrixFile;
  /** The drift audit (drift-result.json): `maskproof audit`. */
  drift?: DriftResult;
}
