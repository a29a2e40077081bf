import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportInput, renderReport } from '../../../src/report/html/index.ts';
import { matrixCell } from '../../../src/report/html/render.ts';
import { vectorById } from '../../../src/vectors/catalog.ts';
import { errorRow, rowFromVerdict } from '../../../src/vectors/matrix.ts';
import { decideVector } from '../../../src/vectors/verdict.ts';
import { reportDirFromEvidence } from '../../helpers/report-dir.ts';

const found = (path: string) => ({ detector: 'canary' as const, label: 'v › email', eventIndex: 1, eventType: 3, path, encoding: 'plain', redacted: 'ja•••@•••.com' });
const cell = (id: string, role: 'safe' | 'leaky', paths: string[]) => rowFromVerdict(vectorById(id)!, decideVector(vectorById(id)!, role, { planted: paths.map(found) }));

describe('the HTML report\'s leak-vector matrix', () => {
  it('one row per vector: the safe config\'s column, then the leaky config\'s with its name and mistake', () => {
    const { dir } = reportDirFromEvidence('safe');
    const rows = [
      cell('canvas', 'safe', []),
      cell('canvas', 'leaky', ['data.commands[2].args[0]']),
      cell('attributes', 'safe', ['data.node.attributes.title']),
      cell('attributes', 'leaky', ['data.node.attributes.title']),
    ];
    writeFileSync(join(dir, 'matrix.json'), JSON.stringify({ rows }));
    const html = renderReport(loadReportInput(dir));
    expect(html).toContain('<th class="cfg">Protected by the safe config</th><th class="cfg">Leaky config (the mistake)</th>');
    expect(html.match(/<tr><td>10\. Canvas with drawn text<\/td>/g)).toHaveLength(1);
    expect(html).toContain('<span class="cell caught">caught</span> <code>leaky-canvas-recorded</code>');
    expect(html).toContain('the mistake: recordCanvas turned on to see charts in replays');
    expect(html).toContain('found v › email ja•••@•••.com at data.commands[2].args[0]');
    // rrweb cannot protect attributes: the safe column says so, the leaky one is an ordinary catch.
    expect(html).toContain('<span class="cell limitation">RECORDER LIMITATION</span> <code>safe</code>');
    expect(html).toContain('every leak caught, no false alarm.');
  });

  it('a caught cell whose findings do not name the vector\'s path is MISSED; a crashed journey is an ERROR', () => {
    expect(matrixCell({ ...cell('network', 'leaky', ['data.node.textContent']) })).toEqual({ cls: 'missed', text: 'MISSED' });
    expect(matrixCell({ ...errorRow(vectorById('network')!, 'safe', 'journey did not complete') })).toEqual({ cls: 'missed', text: 'ERROR' });
    expect(matrixCell({ ...cell('network', 'safe', ['data.payload.request.body']) })).toEqual({ cls: 'false-alarm', text: 'FALSE ALARM' });
  });
});
