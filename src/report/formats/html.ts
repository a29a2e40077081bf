import { writeHtmlReport } from '../html/index.ts';
import type { ReportFormat } from './format.ts';

/**
 * index.html (and player/): the stakeholder report, from the directory's results, with the matrix and the
 * drift audit under the table when they are there. It needs a privacy run: its header is that run's.
 */
export const htmlFormat: ReportFormat = {
  name: 'html',
  write(dir, _model, { whole }) {
    return whole.run ? writeHtmlReport(dir) : undefined;
  },
};
