import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig } from '../../../../src/config/recorder-config.ts';
import { ConfigError } from '../../../../src/errors.ts';
import type { PosthogRecorderConfig } from '../../../../src/recorder/vendors/posthog/config.ts';
import { effectiveMasking, posthogSelectors, posthogSettings } from '../../../../src/recorder/vendors/posthog/privacy.ts';
import { remoteConfig } from '../../../../src/recorder/vendors/posthog/remote-config.ts';

const posthog = (path: string) => loadRecorderConfig(path) as PosthogRecorderConfig;

describe('PostHog remote masking (project "Privacy and masking"): client ?? server, inputs masked when neither says', () => {
  const leaky = posthog('fixtures/vector-recorders/posthog-remote-unmasks-inputs.json');
  const safe = posthog('fixtures/vector-recorders/posthog-local-masks-inputs.json');

  it('the harness serves it as sessionRecording.masking, and only when the project sets it', () => {
    expect(remoteConfig('t', leaky.project).sessionRecording).toMatchObject({ masking: { maskAllInputs: false } });
    expect('masking' in remoteConfig('t', posthog('fixtures/recorders/posthog-default.json').project).sessionRecording).toBe(false);
  });

  it('a remote maskAllInputs: false unmasks inputs where posthog.init is silent, not where it says true', () => {
    expect(effectiveMasking(leaky).maskAllInputs).toBe(false);
    expect(effectiveMasking(safe).maskAllInputs).toBe(true);
    expect(effectiveMasking(posthog('fixtures/recorders/posthog-default.json')).maskAllInputs).toBe(true);
    expect(posthogSelectors(leaky).maskInputs).not.toEqual(posthogSelectors(safe).maskInputs);
  });

  it('the report says the remote settings decided it', () => {
    expect(posthogSettings(leaky)[0]!.value).toMatch(/from the project's remote masking settings/);
    expect(posthogSettings(safe)[0]!.value).not.toMatch(/remote/);
  });

  it('an unknown masking key is a config error', () => {
    expect(() => parseRecorderConfig({ recorder: 'posthog', project: { masking: { maskAllInput: false } } }, 'p.json')).toThrow(ConfigError);
  });
});
