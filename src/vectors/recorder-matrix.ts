import { EventType } from '@rrweb/types';
import type { CapturedRecording } from '../capture/recording-capture.ts';
import type { RecorderConfig } from '../config/recorder-config.ts';
import type { Canary } from '../detect/types.ts';
import { inapplicableReason } from './applicability.ts';
import { type LeakVector, vectors } from './catalog.ts';
import { sentEvents } from './recorded-events.ts';
import { blockedElementsRecordedInFull } from './structure.ts';
import { type VectorFinding, plantedFindings } from './verdict.ts';

/**
 * `maskproof matrix --recorder <config>`: every vector page under one recorder config (a vendor's
 * defaults, your own), each row `safe` (nothing planted reached what the recorder sent), `leaked`
 * (where, redacted) or `inapplicable` (the recorder does not send the vector's surface, and why).
 */
export const RECORDER_MATRIX_FILE = 'matrix-recorder.json';
/** The role of a vector test run under the one config of `--recorder`. */
export const RECORDER_ROLE = 'recorder';

export type RecorderStatus = 'safe' | 'leaked' | 'inapplicable' | 'ERROR';

export interface RecorderRow {
  vector: string;
  number: number;
  title: string;
  status: RecorderStatus;
  config: string;
  recorder: string;
  /** Inapplicable: why the recorder cannot record the vector's surface. ERROR: why the journey did not complete. */
  reason?: string;
  /** Leaked: a finding names the vector's own JSON path (else the page leaked somewhere else, also reported). */
  pathNamed?: boolean;
  findings: VectorFinding[];
  recording?: string;
  durationMs?: number;
}

export interface RecorderSummary {
  vectors: number;
  safe: number;
  leaked: number;
  inapplicable: number;
  errors: number;
}

export interface RecorderMatrixFile {
  seed: number;
  startedAt: string;
  durationMs: number;
  recorder: { name: string; kind: string; path: string };
  summary: RecorderSummary;
  rows: RecorderRow[];
}

const MAX_FINDINGS = 25;

export const NO_SNAPSHOT = 'the recorder sent no snapshot of the page: nothing planted was found, but a recording without the page proves nothing safe';

/** A vector page's verdict under the config: every planted value in everything the recorder sent, and the structure check. */
export function judgeUnderRecorder(vector: LeakVector, config: RecorderConfig, recording: CapturedRecording, canaries: readonly Canary[]): RecorderRow {
  const events = sentEvents(recording);
  const findingsOnly = plantedFindings(events, canaries);
  // Nothing planted in a recording without the page proves nothing (a recorder that never started, or
  // never flushed, would be "safe"): without a snapshot of the page only a leak is a verdict.
  if (findingsOnly.length === 0 && !recording.events.some((e) => e.event.type === EventType.FullSnapshot)) {
    return { ...errorRecorderRow(vector, config, NO_SNAPSHOT), findings: [] };
  }
  const structural: VectorFinding[] = (vector.checksBlockedPlaceholders ? blockedElementsRecordedInFull(events) : []).map((s) => ({ detector: 'structure', label: s.label, eventIndex: s.eventIndex, eventType: s.eventType, path: s.path }));
  const findings = [...structural, ...findingsOnly];
  const atPath = (f: VectorFinding) => (vector.leakPath.test(f.path) ? 0 : 1);
  return {
    ...head(vector, config),
    status: findings.length > 0 ? 'leaked' : 'safe',
    ...(findings.length > 0 ? { pathNamed: findings.some((f) => vector.leakPath.test(f.path)) } : {}),
    findings: findings.sort((a, b) => atPath(a) - atPath(b)).slice(0, MAX_FINDINGS),
  };
}

function head(vector: LeakVector, config: RecorderConfig) {
  return { vector: vector.id, number: vector.number, title: vector.title, config: config.name, recorder: config.recorder };
}

/** The vectors that run under the config (the others are inapplicable rows, never started). */
export function applicableVectors(config: RecorderConfig): LeakVector[] {
  return vectors.filter((v) => inapplicableReason(v, config) === undefined);
}

/** Every vector's row in catalog order: the ones that ran, the inapplicable ones with their reason, missing ones as ERROR. */
export function completeRecorderRows(config: RecorderConfig, ran: readonly RecorderRow[], partial = false): RecorderRow[] {
  return vectors.flatMap((vector): RecorderRow[] => {
    const reason = inapplicableReason(vector, config);
    if (reason) return [{ ...head(vector, config), status: 'inapplicable', reason, findings: [] }];
    const row = ran.find((r) => r.vector === vector.id);
    if (row) return [row];
    return partial ? [] : [{ ...head(vector, config), status: 'ERROR', reason: 'no result: the journey did not run', findings: [] }];
  });
}

export function errorRecorderRow(vector: LeakVector, config: RecorderConfig, reason: string, extra: { recording?: string; durationMs?: number } = {}): RecorderRow {
  return { ...head(vector, config), status: 'ERROR', reason, findings: [], ...extra };
}

export function summarizeRecorder(rows: readonly RecorderRow[]): RecorderSummary {
  const count = (status: RecorderStatus) => rows.filter((r) => r.status === status).length;
  return { vectors: rows.length, safe: count('safe'), leaked: count('leaked'), inapplicable: count('inapplicable'), errors: count('ERROR') };
}

const MARK: Record<RecorderStatus, string> = { safe: '✓', leaked: '✗', inapplicable: '–', ERROR: '✗' };

function detail(row: RecorderRow): string {
  if (row.status === 'inapplicable' || row.status === 'ERROR') return row.reason ?? '';
  if (row.status === 'safe') return '';
  const first = row.findings[0]!;
  const more = row.findings.length > 1 ? ` (+${row.findings.length - 1} more)` : '';
  const elsewhere = row.pathNamed ? '' : ' (not at the vector\'s own path)';
  return `${first.label}${first.redacted ? ` ${first.redacted}` : ''} at ${first.path}${elsewhere}${more}`;
}

/** The one-config matrix for the terminal: vector → safe / leaked / inapplicable, with where or why. */
export function renderRecorderTable(file: Pick<RecorderMatrixFile, 'recorder' | 'summary' | 'rows'>): string {
  const titleWidth = Math.max(6, ...file.rows.map((r) => `${r.number}. ${r.title}`.length));
  const statusWidth = 14;
  const line = (a: string, b: string, c: string) => `${a.padEnd(titleWidth)} │ ${b.padEnd(statusWidth)} │ ${c}`.trimEnd();
  const out = [line('vector', file.recorder.name, 'leak found (redacted) at its JSON path, or why the vector does not apply')];
  out.push(`${'─'.repeat(titleWidth)}─┼─${'─'.repeat(statusWidth)}─┼─${'─'.repeat(40)}`);
  for (const row of file.rows) out.push(line(`${row.number}. ${row.title}`, `${MARK[row.status]} ${row.status}`, detail(row)));
  const s = file.summary;
  out.push('');
  out.push(`${file.recorder.name} (${file.recorder.kind}) · ${s.vectors} vectors: ${s.safe} safe, ${s.leaked} leaked, ${s.inapplicable} inapplicable${s.errors ? `, ${s.errors} ERROR` : ''}`);
  return out.join('\n');
}
