import type { FullResult, Reporter, Suite, TestCase, TestResult } from '@playwright/test/reporter';
import type { EvidencePaths } from '../contract/evidence.ts';
import type { Canary } from '../contract/findings.ts';
import type { ConfigRole, MatrixFile, MatrixRow } from '../contract/matrix.ts';
import { ANNOTATION_VECTOR, ATTACHMENT_CANARIES, ATTACHMENT_EVIDENCE, ATTACHMENT_VECTOR, ATTACHMENT_VECTOR_CANARIES } from '../contract/names.ts';
import { writeReports } from '../report/formats.ts';
import { createScrubber } from '../report/html/scrub.ts';
import { reportDir } from '../report/paths.ts';
import { vectorById } from '../vectors/catalog.ts';
import { cellStatus, completeRows, errorRow, rowFromVerdict, sortedRows, summarize } from '../vectors/matrix.ts';
import type { VectorVerdict } from '../vectors/verdict.ts';

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
    const verdict = attachmentJson<VectorVerdict>(result, ATTACHMENT_VECTOR);
    const extra = { recording: attachmentJson<EvidencePaths>(result, ATTACHMENT_EVIDENCE)?.recording, durationMs: result.duration };
    const row = verdict ? rowFromVerdict(vector, verdict, extra) : errorRow(vector, role, `journey did not complete: ${errorReason(result)}`, extra);
    // Only the previous attempt's row is replaced when Playwright retries.
    const at = this.rows.findIndex((r) => r.vector === row.vector && r.role === row.role);
    if (at >= 0) this.rows.splice(at, 1);
    this.rows.push(row);
    console.log(`  ${['caught', 'clean'].includes(cellStatus(row)) ? '✓' : '✗'}  ${vector.number}. ${vector.title} [${row.config}] ${cellStatus(row)} ${(result.duration / 1000).toFixed(1)}s`);
  }

  onEnd(_result: FullResult): void {
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
