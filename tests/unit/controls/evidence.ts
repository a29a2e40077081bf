import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRecorderConfig } from '../../../src/config/recorder-config.ts';
import type { Evidence } from '../../../src/fixture/index.ts';
import type { Artifacts } from '../../../src/verdict/audit.ts';
import { root } from '../../helpers/run-cli.ts';

/** The controls project's journeys, by case id, as their evidence files are named. */
export const controlJourneys = {
  'consent-gate': 'controls-recording-before-consent',
  'consent-withdrawal': 'controls-consent-withdrawn',
  'opt-out-cookie': 'controls-opt-out-cookie',
  'min-session': 'controls-short-session',
  'url-stripping': 'controls-url-with-query-string-and-fragment',
  // The sampling row's rate-0 journey; its rate-1.0 journey is samplingRateOneJourney.
  sampling: 'controls-sampling-rate-0',
} as const;

/** The sampling row's second journey: the same visit at sample rate 1.0. */
export const samplingRateOneJourney = 'controls-sampling-rate-1-0';

export type ControlId = keyof typeof controlJourneys;

/** Evidence captured from a real run of a control journey (fixtures/recordings/rrweb-<config>/, seed 7). */
export function loadControlEvidence(config: string, id: ControlId, journey: string = controlJourneys[id]): { artifacts: Artifacts; options: unknown; evidence: Evidence } {
  const file = join(root, 'fixtures/recordings', `rrweb-${config}`, `${journey}.evidence.json`);
  const evidence = JSON.parse(readFileSync(file, 'utf8')) as Evidence;
  const verdict = evidence.verdicts.find((v) => v.id === id);
  if (!verdict) throw new Error(`no ${id} verdict in ${file}`);
  return {
    evidence,
    options: verdict.options,
    artifacts: { recording: evidence.recording, canaries: evidence.canaries, config: loadRecorderConfig(join(root, 'fixtures/recorders', `${config}.json`)) },
  };
}
