import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { JUNIT_FILE } from '../../contract/names.ts';
import { renderJunitReport } from '../junit.ts';
import type { ReportFormat } from './format.ts';

/** junit.xml: a testsuite per kind of check the directory holds (src/report/junit.ts). */
export const junitFormat: ReportFormat = {
  name: 'junit',
  write(dir, _model, { whole, scrub }) {
    if (!whole.run && !whole.matrix && !whole.drift) return undefined;
    const file = join(dir, JUNIT_FILE);
    writeFileSync(file, renderJunitReport(whole, scrub));
    return file;
  },
};
