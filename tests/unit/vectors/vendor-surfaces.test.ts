import { describe, expect, it } from 'vitest';
import { loadRecorderConfig, parseRecorderConfig } from '../../../src/config/recorder-config.ts';
import { inapplicableReason } from '../../../src/vectors/applicability.ts';
import { vectorById, vectors } from '../../../src/vectors/catalog.ts';

/**
 * The five vendors registered after Sentry and PostHog, under `maskproof matrix --recorder`: which
 * vectors their SDK can carry (read in each SDK's source in node_modules), and why not where it cannot.
 * A vector the SDK does send must run (an inapplicable row there hides a real leak); one it can never
 * send must say so, with the option that would change it, instead of a green "safe".
 */
const inapplicable = (path: string) => {
  const config = loadRecorderConfig(path);
  return Object.fromEntries(vectors.flatMap((v) => {
    const reason = inapplicableReason(v, config);
    return reason ? [[v.id, reason]] : [];
  }));
};
const config = (raw: object) => parseRecorderConfig({ name: 'x', ...raw }, 'x.json');
const breadcrumbs = vectorById('click-breadcrumbs')!;
const remote = vectorById('remote-config')!;

describe('vendor surfaces in the recorder matrix', () => {
  it('Datadog: clicks are RUM actions named from the element (vector 21 runs); iframes are never entered; no remote config without remoteConfigurationId', () => {
    for (const file of ['fixtures/recorders/datadog-default.json', 'fixtures/recorders/datadog-leaky.json']) {
      const rows = inapplicable(file);
      expect(Object.keys(rows)).toEqual(['iframe', 'remote-config']);
      expect(rows.iframe).toMatch(/records a same-origin iframe as an empty element/);
      expect(rows['remote-config']).toMatch(/only with remoteConfigurationId/);
    }
    expect(inapplicableReason(breadcrumbs, config({ recorder: 'datadog', options: { trackUserInteractions: false } }))).toMatch(/trackUserInteractions: false/);
  });

  it('Highlight: every click is a "Click" custom event with the target\'s text (vector 21 runs); its server sends sampling, not privacy', () => {
    const rows = inapplicable('fixtures/recorders/highlight-default.json');
    expect(Object.keys(rows)).toEqual(['remote-config']);
    expect(rows['remote-config']).toMatch(/GetSamplingConfig/);
    expect(Object.keys(inapplicable('fixtures/recorders/highlight-leaky.json'))).toEqual(['remote-config']);
  });

  it('New Relic: user actions and soft navigations carry the clicked element (vector 21 runs unless both are off); no canvas ever', () => {
    const rows = inapplicable('fixtures/recorders/newrelic-default.json');
    expect(Object.keys(rows)).toEqual(['canvas', 'remote-config']);
    expect(rows.canvas).toMatch(/never records canvas/);
    expect(inapplicable('fixtures/recorders/newrelic-leaky.json')['remote-config']).toMatch(/never privacy settings/);
    const off = config({ recorder: 'newrelic', options: { user_actions: { enabled: false }, soft_navigations: { enabled: false } } });
    expect(inapplicableReason(breadcrumbs, off)).toMatch(/user_actions and soft_navigations off/);
    // Not entitled by the RUM answer: the same.
    expect(inapplicableReason(breadcrumbs, config({ recorder: 'newrelic', rum: { ins: 0, spa: 0 } }))).toMatch(/not entitled/);
  });

  it('Amplitude: the remote config always decides what is recorded (vector 25 runs); clicks only through remote heatmaps; no canvas ever', () => {
    const rows = inapplicable('fixtures/recorders/amplitude-default.json');
    // Console and network too: only the remote sr_logging_config turns them on, and this one says nothing.
    expect(Object.keys(rows)).toEqual(['canvas', 'console-errors', 'network', 'click-breadcrumbs', 'compressed-bodies']);
    expect(rows.canvas).toMatch(/recordCanvas: false/);
    expect(rows['click-breadcrumbs']).toMatch(/sr_interaction_config turns on \(off in this remote config\)/);
    expect(Object.keys(inapplicable('fixtures/recorders/amplitude-leaky.json'))).toEqual(['canvas', 'click-breadcrumbs']);
    // Heatmaps on remotely: clicks are sent as interactions, so vector 21 runs.
    expect(inapplicable('fixtures/recorders/amplitude-heatmaps.json')['click-breadcrumbs']).toBeUndefined();
  });

  it('Mixpanel: click events only with autocapture; no remote settings with remote_settings_mode disabled', () => {
    const rows = inapplicable('fixtures/recorders/mixpanel-default.json');
    expect(rows['click-breadcrumbs']).toMatch(/autocapture off/);
    expect(rows['remote-config']).toMatch(/remote_settings_mode 'disabled'/);
    expect(inapplicableReason(breadcrumbs, config({ recorder: 'mixpanel', options: { autocapture: true } }))).toBeUndefined();
    expect(inapplicableReason(remote, config({ recorder: 'mixpanel', options: {} }))).toBeDefined();
  });

  it('rrweb-based recorders keep the iframe vector (they serialize same-origin iframes), and the canvas vector where an option records canvas', () => {
    for (const file of ['fixtures/recorders/safe.json', 'fixtures/recorders/sentry-default.json', 'fixtures/recorders/posthog-default.json', 'fixtures/recorders/newrelic-default.json', 'fixtures/recorders/highlight-default.json', 'fixtures/recorders/mixpanel-default.json', 'fixtures/recorders/amplitude-default.json']) {
      expect(inapplicable(file).iframe, file).toBeUndefined();
    }
    for (const file of ['fixtures/recorders/safe.json', 'fixtures/recorders/mixpanel-default.json', 'fixtures/recorders/highlight-default.json', 'fixtures/recorders/datadog-default.json']) {
      expect(inapplicable(file).canvas, file).toBeUndefined();
    }
  });
});
