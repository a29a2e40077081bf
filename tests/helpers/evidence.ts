import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRecorderConfig } from '../../src/config/recorder-config.ts';
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

/** Evidence captured from a real run of a journey (fixtures/recordings/rrweb-<config>/, seed 7). */
export function loadEvidence(config: string, journey: keyof typeof journeyFiles): { artifacts: Artifacts; options: unknown; evidence: Evidence } {
  const file = join(root, 'fixtures/recordings', `rrweb-${config}`, `${journeyFiles[journey]}.evidence.json`);
  const evidence = JSON.parse(readFileSync(file, 'utf8')) as Evidence;
  const verdict = evidence.verdicts.find((v) => v.id === journey);
  if (!verdict) throw new Error(`no ${journey} verdict in ${file}`);
  return {
    evidence,
    options: verdict.options,
    artifacts: {
      recording: evidence.recording,
      canaries: evidence.canaries,
      config: loadRecorderConfig(join(root, 'fixtures/recorders', `${config}.json`)),
    },
  };
}
