import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CANARIES_FILE, DRIFT_RESULT_FILE, MATRIX_FILE, RESULTS_FILE } from '../../contract/names.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import type { ReportFormat } from './format.ts';

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

/**
 * The JSON format: the store the other formats (and CI, and `maskproof merge`) read. Writes only the
 * sections this run produced: results.json (with canaries.json first: a results.json is always a whole,
 * finished run), matrix.json, drift-result.json. Each atomically.
 */
export const jsonFormat: ReportFormat = {
  name: 'json',
  write(dir, model, { canaries }) {
    const written: string[] = [];
    const put = (name: string, value: unknown) => {
      const file = join(dir, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileAtomic(file, json(value));
      written.push(file);
    };
    if (model.run) {
      put(CANARIES_FILE, { seed: model.run.seed, canaries });
      put(RESULTS_FILE, model.run);
    }
    if (model.matrix) put(MATRIX_FILE, model.matrix);
    if (model.drift) put(DRIFT_RESULT_FILE, model.drift);
    return written.at(-1);
  },
};
