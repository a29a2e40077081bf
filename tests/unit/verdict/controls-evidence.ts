import { type LoadedEvidence, loadEvidenceFile } from '../../helpers/evidence.ts';

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

/** Evidence captured from a real run of a control journey. */
export function loadControlEvidence(config: string, id: ControlId, journey: string = controlJourneys[id]): LoadedEvidence {
  return loadEvidenceFile(config, id, journey);
}
