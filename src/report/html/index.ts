import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReportInput } from './load.ts';
import { writePlayers } from './player.ts';
import { renderReport } from './render.ts';

export { renderReport } from './render.ts';
export { loadReportInput } from './load.ts';

/**
 * Renders <dir>/index.html from the run's results.json and evidence files, and <dir>/player/ (each
 * row's recording in rrweb's Replayer, offline); returns the index's path.
 */
export function writeHtmlReport(dir: string): string {
  const file = join(dir, 'index.html');
  const input = loadReportInput(dir);
  const recordings = input.results.cases.flatMap((c) => {
    const recording = c.evidence?.recording ?? c.recording;
    return recording ? [{ recording, title: `${c.journey}${c.project ? ` [${c.project}]` : ''}` }] : [];
  });
  writePlayers(dir, recordings);
  writeFileSync(file, renderReport(input));
  return file;
}
