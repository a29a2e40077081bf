import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig } from '../../../src/config/recorder-config.ts';
import { privacySelectors, routeUnrecorded } from '../../../src/visual/privacy-selectors.ts';

const load = (name: string) => loadRecorderConfig(`fixtures/recorders/${name}.json`);

describe('privacySelectors: what each recorder config masks, as selectors for the live page', () => {
  it('safe rrweb config: all text and inputs masked, [data-private] blocked, admin routes unrecorded', () => {
    const s = privacySelectors(load('safe'));
    expect(s.maskText).toBe('.rr-mask, *');
    expect(s.maskInputs).toBe('all');
    expect(s.block).toBe('.rr-block, [data-private], .rr-block, input[type=hidden]');
    expect(s.neverRecordOn.map((r) => r.source)).toEqual(['^/admin(/|$)', '^/app/admin(/|$)']);
  });

  it('leaky rrweb config: no text selector beyond rr-mask, no input masked (password explicitly off)', () => {
    const s = privacySelectors(load('leaky'));
    expect(s.maskText).toBe('.rr-mask');
    expect(s.maskInputs).toEqual([]);
    expect(s.neverRecordOn).toEqual([]);
  });

  it("rrweb's default when maskInputOptions is absent: password only", () => {
    const s = privacySelectors(parseRecorderConfig({ recorder: 'rrweb', rrweb: {} }, 'inline'));
    expect(s.maskInputs).toEqual(['password']);
  });

  it('Sentry defaults mask all text and inputs and block media; sentry-leaky turns them off', () => {
    const defaults = privacySelectors(load('sentry-default'));
    expect(defaults.maskAllText).toBe(true);
    expect(defaults.maskInputs).toBe('all');
    expect(defaults.block).toMatch(/img, image, svg/);
    const leaky = privacySelectors(load('sentry-leaky'));
    expect(leaky.maskAllText).toBe(false);
    expect(leaky.maskInputs).toEqual(['password']);
    expect(leaky.block).not.toMatch(/img/);
  });

  it('PostHog: inputs masked by default, password kept masked unless explicitly off', () => {
    expect(privacySelectors(load('posthog-default')).maskInputs).toBe('all');
    expect(privacySelectors(load('posthog-leaky')).maskInputs).toEqual([]);
    expect(privacySelectors(load('posthog-default')).block).toBe('.ph-no-capture');
  });
});

describe('routeUnrecorded', () => {
  const safe = privacySelectors(load('safe'));
  it('the SPA admin route is unrecorded under the safe config', () => {
    expect(routeUnrecorded(safe, 'http://127.0.0.1:3000/app/admin')).toBe(true);
  });
  it('near miss: /administrator-guide and /app are recorded', () => {
    expect(routeUnrecorded(safe, 'http://127.0.0.1:3000/administrator-guide')).toBe(false);
    expect(routeUnrecorded(safe, 'http://127.0.0.1:3000/app')).toBe(false);
  });
});
