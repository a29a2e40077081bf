import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReportInput } from './load.ts';
import { renderReport } from './render.ts';

export { renderReport } from './render.ts';
export { loadReportInput } from './load.ts';

/** Renders <dir>/index.html from the run's results.json and evidence files; returns its path. */
export function writeHtmlReport(dir: string): string {
  const file = join(dir, 'index.html');
  writeFileSync(file, renderReport(loadReportInput(dir)));
  return file;
}
