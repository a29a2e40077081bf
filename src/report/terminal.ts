import type { ReportModel } from '../contract/results.ts';
import { renderDrift } from './terminal-drift.ts';
import { renderMatrixTable } from './terminal-matrix.ts';
import { renderTable } from './terminal-table.ts';

/**
 * The terminal format: each section of the model as the terminal shows it (the privacy table, the
 * leak-vector matrix, the drift audit), blank-line separated. The commands print it after their own
 * progress lines; a new kind of check adds its section here.
 */
export function renderTerminal(model: ReportModel): string {
  const sections: string[] = [];
  if (model.run) sections.push(renderTable(model.run.cases));
  // A vendor whose docs promise another default than its code ships: said where QA reads the verdicts.
  const differ = (model.run?.recorderSettings ?? []).filter((setting) => setting.docsDiffer);
  if (differ.length > 0) sections.push(differ.map((setting) => `docs differ · ${setting.label}: ${setting.docsDiffer}`).join('\n'));
  if (model.matrix) sections.push(renderMatrixTable(model.matrix.rows, model.matrix.summary));
  if (model.drift) sections.push(renderDrift(model.drift));
  return sections.join('\n\n');
}
