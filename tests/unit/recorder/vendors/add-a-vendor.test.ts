import { EventType, type eventWithTime } from '@rrweb/types';
import { describe, expect, it, vi } from 'vitest';
import { RecordingCapture } from '../../../../src/capture/recording-capture.ts';
import { parseRecorderConfig } from '../../../../src/config/recorder-config.ts';
import { ConfigError } from '../../../../src/errors.ts';
import type { RecorderAdapter } from '../../../../src/recorder/adapter.ts';
import { capabilitiesOfConfig } from '../../../../src/recorder/vendors/capabilities.ts';
import { privacySettings } from '../../../../src/recorder/vendors/privacy-settings.ts';
import { recorderTraits } from '../../../../src/recorder/vendors/traits.ts';
import { privacySelectors } from '../../../../src/visual/privacy-selectors.ts';
import { authTokenAudit } from '../../../../src/verdict/audits/auth-token.ts';
import { consentGateAudit } from '../../../../src/verdict/audits/consent-gate.ts';

// "Adding a vendor is a folder and a registry line": the folder is ./fake-vendor, the line is this mock
// (the registry's list plus one entry). No other file of maskproof is changed.
vi.mock('../../../../src/recorder/vendors/registry.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../../src/recorder/vendors/registry.ts')>();
  const { fakeVendor } = await import('./fake-vendor/index.ts');
  const vendors = [...real.vendors, fakeVendor];
  const vendorOf = (kind: string) => vendors.find((v) => v.kind === kind);
  return {
    ...real,
    vendors,
    vendorOf,
    vendorOfConfig: (config: { recorder: string; source: string }) => {
      const vendor = vendorOf(config.recorder);
      if (!vendor) throw new Error(`no recorder ${config.recorder}`);
      return vendor;
    },
  };
});

const config = (options: object) => parseRecorderConfig({ recorder: 'fake', options }, 'fake.json');

/** An adapter that delivers given events, as the vendor's inject or observe adapter would. */
const delivering = (events: eventWithTime[]) => {
  const adapter: RecorderAdapter = { name: 'fake', capabilities: { routeBlocking: false, networkRecording: true, errorRecording: false }, install: async () => undefined, flush: async () => undefined };
  const capture = new RecordingCapture(adapter);
  capture.receive({ url: 'http://app.test/login', events });
  return capture.snapshot();
};
const request = (verb: string, href: string) => ({ type: EventType.Custom, timestamp: 1, data: { tag: 'fake/req', payload: { verb, href } } }) as unknown as eventWithTime;

describe('adding a vendor: its folder and a registry line', () => {
  it('validates its recorder config with its own schema, unknown keys failing', () => {
    expect(config({ maskAll: true })).toMatchObject({ recorder: 'fake', name: 'fake', options: { maskAll: true } });
    expect(() => config({ maskEverything: true })).toThrow(ConfigError);
    expect(() => config({ maskEverything: true })).toThrow(/unknown key "maskEverything" at options/);
  });

  it('answers capabilities, selectors and the report settings from its descriptor', () => {
    expect(capabilitiesOfConfig(config({ recordNetwork: false }))).toEqual({ routeBlocking: false, networkRecording: false, errorRecording: false });
    expect(privacySelectors(config({ maskAll: true })).maskAllText).toBe(true);
    expect(privacySettings(config({ maskAll: true }))).toEqual([{ label: 'Page text', value: 'all masked' }]);
    expect(privacySettings(config({}))).toEqual([{ label: 'Page text', value: 'recorded as shown' }]);
  });

  it('its network shape becomes plain requests at capture time, and the verdict reads them', () => {
    const recording = delivering([request('GET', 'http://app.test/api/orders?token=[Filtered]')]);
    expect(recording.requests).toEqual([{ method: 'GET', url: 'http://app.test/api/orders?token=[Filtered]', shape: 'fake/req', eventIndex: 0 }]);
    recording.pageRequests.push({ method: 'GET', url: 'http://app.test/api/orders?token=abc', resourceType: 'fetch', pageUrl: 'http://app.test/login' });
    const cfg = config({});
    const recorded = authTokenAudit.audit({ recording, canaries: [], config: cfg, recorder: recorderTraits(cfg) }, { apiPaths: ['/api/orders'] });
    expect(recorded.status).toBe('pass');
    // The same journey with the request not recorded fails, naming it.
    const missing = delivering([]);
    missing.pageRequests.push(...recording.pageRequests);
    expect(authTokenAudit.audit({ recording: missing, canaries: [], config: cfg, recorder: recorderTraits(cfg) }, { apiPaths: ['/api/orders'] }).reasons).toEqual(['request GET /api/orders was not recorded (URL and method must be present)']);
  });

  it('the verdict names it, and its collection window rule applies', () => {
    const cfg = config({ recordNetwork: false });
    const recording = delivering([]);
    const off = authTokenAudit.audit({ recording, canaries: [], config: cfg, recorder: recorderTraits(cfg) }, { apiPaths: ['/api/orders'] });
    expect(off.status).toBe('inapplicable');
    expect(off.reasons[0]).toMatch(/^the Fake recorder config turns network recording off/);
    const gate = consentGateAudit.audit({ recording, canaries: [], config: cfg, recorder: recorderTraits(cfg) }, { consentGivenAt: 0 } as never);
    expect(gate.status).toBe('inapplicable');
    expect(gate.reasons[0]).toMatch(/is not checked for Fake Replay: the harness starts the SDK at page load/);
  });
});
