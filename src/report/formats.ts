import { join } from 'node:path';
import type { Canary } from '../contract/findings.ts';
import { DRIFT_RESULT_FILE, MATRIX_FILE, RESULTS_FILE } from '../contract/names.ts';
import type { ReportModel } from '../contract/results.ts';
import type { ReportFormat } from './formats/format.ts';
import { htmlFormat } from './formats/html.ts';
import { jsonFormat } from './formats/json.ts';
import { junitFormat } from './formats/junit.ts';
import { createScrubber } from './html/scrub.ts';
import { readJson } from './read-json.ts';

export type { FormatContext, ReportFormat } from './formats/format.ts';
export { renderTerminal } from './terminal.ts';

/**
 * The file formats, in the order they are written: JSON first (the store; its failure is the run's),
 * then the views over it. A new format is one file in src/report/formats/ and a line here; it serves the
 * privacy audits, the matrix and the drift audit alike, and `maskproof merge` too.
 */
export const fileFormats: readonly ReportFormat[] = [jsonFormat, junitFormat, htmlFormat];

/** What a report directory holds: each kind's latest results. */
export function readReportModel(dir: string): ReportModel {
  const run = readJson<ReportModel['run']>(join(dir, RESULTS_FILE));
  const matrix = readJson<ReportModel['matrix']>(join(dir, MATRIX_FILE));
  const drift = readJson<ReportModel['drift']>(join(dir, DRIFT_RESULT_FILE));
  return {
    ...(run && Array.isArray(run.cases) ? { run } : {}),
    ...(matrix && Array.isArray(matrix.rows) ? { matrix } : {}),
    ...(drift && Array.isArray(drift.elements) ? { drift } : {}),
  };
}

export interface WrittenReports {
  /** The file each format wrote, by format name. */
  files: Record<string, string>;
  /** A view that could not be rendered: reported, never fatal to the run. */
  errors: { format: string; message: string }[];
}

/**
 * Writes this run's sections in every file format. The JSON store is written first and a failure there
 * throws; a view that fails is listed in `errors`.
 */
export function writeReports(dir: string, model: ReportModel, options: { canaries?: readonly Canary[]; scrub?: (text: string) => string } = {}): WrittenReports {
  const canaries = options.canaries ?? [];
  const scrub = options.scrub ?? createScrubber(canaries);
  const [store, ...views] = fileFormats;
  const files: Record<string, string> = {};
  const stored = store!.write(dir, model, { scrub, canaries, whole: model });
  if (stored) files[store!.name] = stored;
  const whole = { ...readReportModel(dir), ...model };
  const errors: WrittenReports['errors'] = [];
  for (const format of views) {
    try {
      const file = format.write(dir, model, { scrub, canaries, whole });
      if (file) files[format.name] = file;
    } catch (error) {
      errors.push({ format: format.name, message: (error as Error).message });
    }
  }
  return { files, errors };
}
