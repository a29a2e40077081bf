import { describe, expect, it } from 'vitest';
import { loadRecorderConfig } from '../../../../src/config/recorder-config.ts';
import { privacySettings } from '../../../../src/recorder/vendors/privacy-settings.ts';

const settings = (name: string) => Object.fromEntries(privacySettings(loadRecorderConfig(`fixtures/recorders/${name}.json`)).map((s) => [s.label, s.value]));

describe('privacySettings: the recorder config as the report header reads it', () => {
  it('safe rrweb config', () => {
    const s = settings('safe');
    expect(s['Input values']).toBe('all masked');
    expect(s['Page text']).toBe('all masked');
    expect(s['Blocked elements']).toBe('.rr-block, [data-private], input[type=hidden]');
    expect(s['Never recorded on']).toBe('^/admin(/|$), ^/app/admin(/|$)');
    expect(s['Query parameters scrubbed']).toMatch(/^token, access_token/);
    expect(s.Errors).toBe('recorded, messages masked');
  });

  it('leaky rrweb config says what is open', () => {
    const s = settings('leaky');
    expect(s['Input values']).toBe('recorded as typed (none masked)');
    expect(s['Page text']).toBe('recorded as shown');
    expect(s['Never recorded on']).toBe('every route recorded');
    expect(s.Network).toMatch(/request headers kept: all; .* bodies recorded; cookies recorded/);
  });

  it('Sentry and PostHog, with their documented defaults written out', () => {
    expect(settings('sentry-default')['Page text']).toBe('all masked (maskAllText)');
    expect(settings('sentry-default')['Never recorded on']).toMatch(/not supported by Sentry Replay/);
    expect(settings('sentry-leaky')['Network details']).toMatch(/^for \/\.\*\/: request headers Authorization, Cookie/);
    expect(settings('posthog-default')['Input values']).toBe('all masked');
    expect(settings('posthog-default')['Page text']).toMatch(/^recorded as shown/);
    expect(settings('posthog-leaky')['Input values']).toBe('recorded as typed (none masked)');
  });
});
