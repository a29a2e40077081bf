import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CapturedRecording } from '../../src/capture/recording-capture.ts';
import { loadRecorderConfig } from '../../src/config/recorder-config.ts';
import { readRecorded } from '../../src/recorder/vendors/readers.ts';
import { recorderTraits } from '../../src/recorder/vendors/traits.ts';
import type { Evidence } from '../../src/fixture/index.ts';
import type { Artifacts } from '../../src/verdict/audit.ts';
import { root } from './run-cli.ts';

export const journeyFiles = {
  'pii-form-submit': 'desktop-pii-form-submit',
  'admin-route': 'desktop-admin-route',
  'auth-token': 'desktop-authentication-token',
  'rage-click': 'desktop-rage-click-on-an-erroring-button',
  'mobile-gestures': 'mobile-mobile-view',
} as const;

export interface LoadedEvidence {
  artifacts: Artifacts;
  options: unknown;
  evidence: Evidence;
}

/** Evidence captured from a real run (fixtures/recordings/rrweb-<config>/<file>.evidence.json, seed 7), with the verdict `id`'s options. */
export function loadEvidenceFile(config: string, id: string, file: string): LoadedEvidence {
  const path = join(root, 'fixtures/recordings', `rrweb-${config}`, `${file}.evidence.json`);
  const evidence = JSON.parse(readFileSync(path, 'utf8')) as Evidence;
  const verdict = evidence.verdicts.find((v) => v.id === id);
  if (!verdict) throw new Error(`no ${id} verdict in ${path}`);
  const recorderConfig = loadRecorderConfig(join(root, 'fixtures/recorders', `${config}.json`));
  // Evidence saved before requests and errors were read at capture time: read them as the capture does.
  const recording = { ...readRecorded(evidence.recording.events, evidence.recording.ingests), ...evidence.recording };
  evidence.recording = recording;
  return {
    evidence,
    options: verdict.options,
    artifacts: { recording, canaries: evidence.canaries, config: recorderConfig, recorder: recorderTraits(recorderConfig) },
  };
}

/** Evidence captured from a real run of one of the five journeys. */
export function loadEvidence(config: string, journey: keyof typeof journeyFiles): LoadedEvidence {
  return loadEvidenceFile(config, journey, journeyFiles[journey]);
}

/** The recording a CLI run saved for the journey whose file name holds `journey` (its <report>/recordings/*.evidence.json). */
export function recordingOf(reportDir: string, journey: string): CapturedRecording {
  const dir = join(reportDir, 'recordings');
  const file = readdirSync(dir).find((f) => f.includes(journey) && f.endsWith('.evidence.json'));
  if (!file) throw new Error(`no evidence for a journey named like "${journey}" in ${dir}`);
  return (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { recording: CapturedRecording }).recording;
}
