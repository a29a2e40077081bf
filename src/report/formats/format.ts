import type { Canary } from '../../contract/findings.ts';
import type { ReportModel } from '../../contract/results.ts';

export interface FormatContext {
  /** Removes every planted value from a text (the formats' last line of defence; reasons are already redacted). */
  scrub: (text: string) => string;
  /** Every value the run planted (canaries.json). */
  canaries: readonly Canary[];
  /** Everything the report directory holds once this run's sections are in: the other kinds' latest results too. */
  whole: ReportModel;
}

/**
 * One output format. `write` gets the sections this run produced (`model`) and the whole directory's model
 * (`context.whole`): a store format (JSON) writes the former, a view (junit.xml, index.html) renders the
 * latter. Returns the file it wrote, or undefined when it had nothing to write.
 */
export interface ReportFormat {
  name: string;
  write(dir: string, model: ReportModel, context: FormatContext): string | undefined;
}
