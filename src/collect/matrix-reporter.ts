import type { FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { EvidencePaths } from '../contract/evidence.ts';
import type { Canary } from '../contract/findings.ts';
import type { ConfigRole, MatrixFile, MatrixRow } from '../contract/matrix.ts';
import { ANNOTATION_VECTOR, ATTACHMENT_CANARIES, ATTACHMENT_EVIDENCE, ATTACHMENT_RECORDER_ROW, ATTACHMENT_VECTOR, ATTACHMENT_VECTOR_CANARIES } from '../contract/names.ts';
import { writeReports } from '../report/formats.ts';
import { createScrubber } from '../report/html/scrub.ts';
import { reportDir } from '../report/paths.ts';
import { vectorById } from '../vectors/catalog.ts';
import { cellStatus, completeRows, errorRow, rowFromVerdict, sortedRows, summarize } from '../vectors/matrix.ts';
import type { VectorVerdict } from '../vectors/verdict.ts';
import { join, resolve } from 'node:path';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadRecorderConfig } from '../config/recorder-config.ts';
import { RECORDER_MATRIX_FILE, type RecorderMatrixFile, type RecorderRow, completeRecorderRows, errorRecorderRow, summarizeRecorder } from '../vectors/recorder-matrix.ts';

export { MATRIX_FILE } from '../contract/names.ts';

function attachmentJson<T>(result: TestResult, name: string): T | undefined {
  const attachment = result.attachments.find((a) => a.name === name && a.body);
  return attachment?.body ? (JSON.parse(attachment.body.toString('utf8')) as T) : undefined;
}

/** First line of the first error, without ANSI colours: why a journey did not complete. */
function errorReason(result: TestResult): string {
  const error = result.errors[0];
  const text = (error?.message ?? error?.value ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return text.split('\n').find((line) => line.trim())?.trim() ?? result.status;
}

/**
 * Turns the vector journeys' verdicts into the matrix section of the result model (<report>/matrix.json,
 * written by every format of src/report/formats.ts), one progress line per cell.
 * `maskproof matrix` prints the table from that file; a cell without a verdict is an ERROR row.
 */
export default class MatrixReporter implements Reporter {
  private readonly rows: MatrixRow[] = [];
  /** `matrix --recorder <config>`: one row per vector under that config. */
  private readonly recorderPath = process.env.MASKPROOF_MATRIX_RECORDER;
  private readonly recorderRows: RecorderRow[] = [];
  private readonly canaries: Canary[] = [];
  private readonly started = Date.now();

  printsToStdio(): boolean {
    return true;
  }

  onBegin(_config: unknown, suite: Suite): void {
    console.log(`maskproof matrix: ${suite.allTests().length} cells · seed ${process.env.MASKPROOF_SEED} (reproduce with --seed ${process.env.MASKPROOF_SEED})`);
  }

  onTestEnd(test: TestCase, result: TestResult): void {
    const [id, role] = (test.annotations.find((a) => a.type === ANNOTATION_VECTOR)?.description ?? '').split(':') as [string, ConfigRole];
    const vector = vectorById(id);
    if (!vector) return;
    this.canaries.push(...(attachmentJson<Canary[]>(result, ATTACHMENT_VECTOR_CANARIES) ?? []), ...(attachmentJson<Canary[]>(result, ATTACHMENT_CANARIES) ?? []));
    if (this.recorderPath) return this.recorderTestEnd(id, result);
    const verdict = attachmentJson<VectorVerdict>(result, ATTACHMENT_VECTOR);
    const extra = { recording: attachmentJson<EvidencePaths>(result, ATTACHMENT_EVIDENCE)?.recording, durationMs: result.duration };
    const row = verdict ? rowFromVerdict(vector, verdict, extra) : errorRow(vector, role, `journey did not complete: ${errorReason(result)}`, extra);
    // Only the previous attempt's row is replaced when Playwright retries.
    const at = this.rows.findIndex((r) => r.vector === row.vector && r.role === row.role);
    if (at >= 0) this.rows.splice(at, 1);
    this.rows.push(row);
    console.log(`  ${['caught', 'clean'].includes(cellStatus(row)) ? '✓' : '✗'}  ${vector.number}. ${vector.title} [${row.config}] ${cellStatus(row)} ${(result.duration / 1000).toFixed(1)}s`);
  }

  private recorderTestEnd(id: string, result: TestResult): void {
    const vector = vectorById(id)!;
    const config = loadRecorderConfig(resolve(this.recorderPath!));
    const recording = attachmentJson<EvidencePaths>(result, ATTACHMENT_EVIDENCE)?.recording;
    const ran = attachmentJson<RecorderRow>(result, ATTACHMENT_RECORDER_ROW);
    const row: RecorderRow = ran ? { ...ran, ...(recording ? { recording } : {}), durationMs: result.duration } : errorRecorderRow(vector, config, `journey did not complete: ${errorReason(result)}`, { recording, durationMs: result.duration });
    const at = this.recorderRows.findIndex((r) => r.vector === row.vector);
    if (at >= 0) this.recorderRows.splice(at, 1);
    this.recorderRows.push(row);
    console.log(`  ${row.status === 'ERROR' ? '✗' : '·'}  ${vector.number}. ${vector.title} [${row.config}] ${row.status} ${(result.duration / 1000).toFixed(1)}s`);
  }

  private writeRecorderMatrix(): void {
    const scrub = createScrubber(this.canaries);
    const config = loadRecorderConfig(resolve(this.recorderPath!));
    const rows = completeRecorderRows(config, this.recorderRows, Boolean(process.env.MASKPROOF_MATRIX_PARTIAL)).map((row) => (row.status === 'ERROR' && row.reason ? { ...row, reason: scrub(row.reason) } : row));
    const file: RecorderMatrixFile = {
      seed: Number(process.env.MASKPROOF_SEED),
      startedAt: new Date(this.started).toISOString(),
      durationMs: Date.now() - this.started,
      recorder: { name: config.name, kind: config.recorder, path: config.source },
      summary: summarizeRecorder(rows),
      rows,
    };
    const dir = reportDir();
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, RECORDER_MATRIX_FILE), `${JSON.stringify(file, null, 2)}\n`);
  }

  onEnd(_result: FullResult): void {
    if (this.recorderPath) return this.writeRecorderMatrix();
    // Findings are redacted by the engine; an error message could still quote a planted value.
    const scrub = createScrubber(this.canaries);
    // A partial run (a --grep) lists what ran; a full run lists every cell, a missing one as an ERROR.
    const ran = process.env.MASKPROOF_MATRIX_PARTIAL ? sortedRows(this.rows) : completeRows(this.rows);
    const rows = ran.map((row) => (row.error ? { ...row, error: scrub(row.error) } : row));
    const file: MatrixFile = {
      seed: Number(process.env.MASKPROOF_SEED),
      startedAt: new Date(this.started).toISOString(),
      durationMs: Date.now() - this.started,
      summary: summarize(rows),
      rows,
    };
    // The matrix's section of the result model: matrix.json, and the views (junit.xml; index.html when the
    // directory holds a run) rendered again with it.
    const reports = writeReports(reportDir(), { matrix: file }, { canaries: this.canaries, scrub });
    for (const error of reports.errors) console.log(`maskproof: could not write the ${error.format} report: ${error.message}`);
  }
}
