import { join } from 'node:path';
import { expect, test } from '../demo-fixture.ts';
import { packageRoot } from '../../src/package-root.ts';
import { type ConfigRole, configOf, vectors } from '../../src/vectors/catalog.ts';
import { auditVector, vectorDetails } from '../../src/vectors/audit.ts';
import { plainValues, plantedValues } from '../../src/vectors/planted.ts';
import { journeys } from './journeys.ts';

// The leak-vector matrix: every vector under the config that protects it and the leaky one, in one run.
for (const vector of vectors) {
  test.describe(`vector ${vector.number}: ${vector.id}`, () => {
    for (const role of ['safe', 'leaky'] as const satisfies ConfigRole[]) {
      const config = configOf(vector, role);
      test.describe(role, () => {
        test.use({ recorderConfigPath: join(packageRoot, config.path) });

        test(`${vector.title} · ${config.name}`, vectorDetails(vector, role), async ({ page, maskproof }, testInfo) => {
          const planted = plantedValues(vector.id, maskproof.data);
          const values = plainValues(planted);
          const answer = await page.context().request.put('/__fixture__/planted', { data: { planted: values } });
          expect(answer.ok(), 'the fixture app took the planted values').toBe(true);

          await journeys[vector.id]({ page, path: `/vectors/${vector.page}`, maskproof, values, config: maskproof.config });

          const verdict = await auditVector(maskproof, vector, role, planted, testInfo);
          const where = verdict.findings.map((f) => `${f.label} at ${f.path}`).join('; ') || 'nothing found';
          expect(verdict.actual, `${vector.title} under ${config.name}: ${where}`).toBe(verdict.expected);
          if (verdict.expected === 'caught') expect(verdict.pathNamed, `a finding names the vector's path (${vector.leakPath}): ${where}`).toBe(true);
        });
      });
    }
  });
}
