import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig, recorderName } from '../../../../src/config/recorder-config.ts';
import { ConfigError } from '../../../../src/errors.ts';
import type { SentryRecorderConfig } from '../../../../src/recorder/vendors/sentry/config.ts';
import type { PosthogRecorderConfig } from '../../../../src/recorder/vendors/posthog/config.ts';
import { capabilitiesOfConfig } from '../../../../src/recorder/vendors/capabilities.ts';

describe('vendor recorder configs', () => {
  it('loads the bundled Sentry and PostHog configs with their own options', () => {
    const leaky = loadRecorderConfig('fixtures/recorders/sentry-leaky.json');
    expect(leaky.recorder).toBe('sentry');
    expect(leaky.recorder === 'sentry' && (leaky as SentryRecorderConfig).options.replay?.networkDetailAllowUrls).toEqual([{ regexp: '.*' }]);
    const posthog = loadRecorderConfig('fixtures/recorders/posthog-leaky.json');
    expect(posthog.recorder === 'posthog' && (posthog as PosthogRecorderConfig).options.session_recording?.maskAllInputs).toBe(false);
    for (const name of ['sentry-default', 'posthog-default']) expect(recorderName(loadRecorderConfig(`fixtures/recorders/${name}.json`).recorder)).toMatch(/^(Sentry|PostHog)$/);
  });

  it('names the key path of a mistake in vendor options', () => {
    const problem = (raw: unknown) => {
      try {
        parseRecorderConfig(raw, 'x.json');
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).message;
      }
      throw new Error('accepted');
    };
    expect(problem({ recorder: 'sentry', options: { replay: { maskAllTxt: false } } })).toMatch(/unknown key "maskAllTxt" at options\.replay$/);
    expect(problem({ recorder: 'sentry', options: { replay: { networkDetailAllowUrls: [{ regexp: '(' }] } } })).toMatch(/options\.replay\.networkDetailAllowUrls\.0\.regexp is not a valid regular expression/);
    expect(problem({ recorder: 'posthog', options: { session_recording: { maskAllInputs: 'no' } } })).toMatch(/options\.session_recording\.maskAllInputs must be boolean/);
    expect(problem({ recorder: 'posthog', project: { urlBlocklist: ['['] } })).toMatch(/project\.urlBlocklist\.0 is not a valid regular expression/);
    // Keys of one recorder are not accepted in another's config.
    expect(problem({ recorder: 'sentry', rrweb: {} })).toMatch(/unknown key "rrweb" at \(top level\)/);
    expect(problem({ recorder: 'rrweb', options: {} })).toMatch(/unknown key "options" at \(top level\)/);
    expect(problem({ recorder: 'fullstory' })).toMatch(/recorder must be one of "rrweb", "sentry", "posthog"/);
  });

  it('says what each config can support', () => {
    expect(capabilitiesOfConfig(loadRecorderConfig('fixtures/recorders/safe.json'))).toEqual({ routeBlocking: true, networkRecording: true, errorRecording: true });
    expect(capabilitiesOfConfig(loadRecorderConfig('fixtures/recorders/sentry-default.json')).routeBlocking).toBe(false);
    expect(capabilitiesOfConfig(loadRecorderConfig('fixtures/recorders/posthog-default.json'))).toEqual({ routeBlocking: false, networkRecording: true, errorRecording: true });
    expect(capabilitiesOfConfig(parseRecorderConfig({ recorder: 'posthog', options: { capture_performance: { network_timing: false } }, project: { consoleLogs: false } }, 'p.json'))).toEqual({
      routeBlocking: false,
      networkRecording: false,
      errorRecording: false,
    });
  });
});
