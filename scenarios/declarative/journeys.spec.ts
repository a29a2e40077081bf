import { devices } from '@playwright/test';
import { ownAppFromEnv } from '../../src/config/own-app-env.ts';
import { runSeed, scopedSeed } from '../../src/data/seed.ts';
import { ANNOTATION_JOURNEY } from '../../src/journeys/journey-report.ts';
import { loadJourneys } from '../../src/journeys/load-journeys.ts';
import { PlaceholderValues } from '../../src/journeys/placeholders.ts';
import { runJourney } from '../../src/journeys/run-journey.ts';
import { test } from '../../src/fixture/index.ts';

// One test per declarative journey of maskproof.config (`maskproof run --config`). Each `expect` step
// is an audit; its verdict becomes a row of the report, named after the journey.
const config = ownAppFromEnv();
const { defaultBrowserType: _ignored, ...pixel7 } = devices['Pixel 7'];

// Your own app's backend has its own data: this spec uses the public fixture, without the demo app's seeding.

for (const journey of config ? loadJourneys(config.journeyFiles) : []) {
  test.describe(() => {
    if (journey.device === 'mobile') test.use(pixel7);
    test(journey.name, { annotation: { type: ANNOTATION_JOURNEY, description: journey.source } }, async ({ page, maskproof }, testInfo) => {
      const scope = `${testInfo.project.name} › ${journey.name} › placeholders`;
      const values = new PlaceholderValues(scopedSeed(runSeed(), scope), journey.name);
      const verdicts = await runJourney(journey, {
        page,
        maskproof,
        values,
        routes: config!.routes.map(({ path, risk, match }) => ({ path, risk, match })),
        allowValues: config!.allow.values,
      });
      const failed = verdicts.filter((v) => v.status !== 'pass');
      if (failed.length > 0) {
        throw new Error(`${journey.name}: ${failed.map((v) => `${v.title} (${v.status}): ${v.reasons.join('; ')}`).join(' | ')}`);
      }
    });
  });
}
