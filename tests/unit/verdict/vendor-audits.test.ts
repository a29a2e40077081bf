import { describe, expect, it } from 'vitest';
import { type CapturedRecording, RecordingCapture } from '../../../src/capture/recording-capture.ts';
import { type RecorderConfig, parseRecorderConfig } from '../../../src/config/recorder-config.ts';
import type { SentryRecorderConfig } from '../../../src/recorder/vendors/sentry/config.ts';
import type { PosthogRecorderConfig } from '../../../src/recorder/vendors/posthog/config.ts';
import type { Canary } from '../../../src/detect/types.ts';
import { PosthogAdapter } from '../../../src/recorder/vendors/posthog/posthog-adapter.ts';
import { SentryAdapter } from '../../../src/recorder/vendors/sentry/sentry-adapter.ts';
import type { VendorRequest } from '../../../src/recorder/vendors/vendor-adapter.ts';
import { adminRouteAudit } from '../../../src/verdict/audits/admin-route.ts';
import { authTokenAudit } from '../../../src/verdict/audits/auth-token.ts';
import { rageClickAudit } from '../../../src/verdict/audits/rage-click.ts';
import { scannableEvents } from '../../../src/verdict/leaks.ts';
import { recordedErrors, recordedRequests } from '../../../src/recorder/vendors/readers.ts';
import { recorderTraits } from '../../../src/recorder/vendors/traits.ts';
import { canary, loadPayload } from '../recorder/vendors/payloads.ts';

/** Audits re-run on what the real SDKs sent (fixtures/vendor-payloads), decoded by the adapters. */
class Decoder extends SentryAdapter {
  decode(request: VendorRequest) {
    return this.handle(request);
  }
}
class PosthogDecoder extends PosthogAdapter {
  decode(request: VendorRequest) {
    return this.handle(request);
  }
}

const sentryConfig = parseRecorderConfig({ recorder: 'sentry', options: {} }, 'sentry.json') as SentryRecorderConfig;
const posthogConfig = (raw: object = {}) => parseRecorderConfig({ recorder: 'posthog', ...raw }, 'posthog.json') as PosthogRecorderConfig;

/** Plays captured payloads through an adapter into a capture; `pageUrl` says where each was sent from. */
function recordingOf(vendor: 'sentry' | 'posthog', sent: { name: string; pageUrl: string }[], config: RecorderConfig = vendor === 'sentry' ? sentryConfig : posthogConfig()): CapturedRecording {
  const decoder = vendor === 'sentry' ? new Decoder(config as SentryRecorderConfig) : new PosthogDecoder(config as PosthogRecorderConfig);
  const capture = new RecordingCapture(decoder);
  for (const { name, pageUrl } of sent) {
    const payload = loadPayload(vendor, name);
    const request = { method: payload.method, url: payload.url, body: payload.body, pageUrl, urlLog: [] };
    // Replayed as if recorded on pageUrl, whatever page the capture ran on.
    for (const batch of decoder.decode(request).batches) capture.receive({ ...batch, url: pageUrl });
  }
  return capture.snapshot();
}

const app = 'http://127.0.0.1:4000';
/** The four requests the login page sends, as Playwright saw them on the wire. */
const loginRequests = (token: string) =>
  [
    ['GET', '/api/profile'],
    ['GET', `/api/orders?token=${token}&page=1`],
    ['GET', '/api/session'],
    ['POST', '/api/track'],
  ].map(([method, path]) => ({ method: method!, url: `${app}${path}`, resourceType: 'fetch', pageUrl: `${app}/login` }));
const apiPaths = ['/api/profile', '/api/orders', '/api/session', '/api/track'];
// Long planted values only: the stand-in scanner (src/verdict/tmp-scan.ts) also matches 3-digit CVVs inside timing numbers.
const planted: Canary[] = ['session › auth token', 'person › email', 'person › full name', 'person › password'].map(canary);

describe('authentication token audit on vendor payloads', () => {
  it('Sentry with network details for every URL: the Authorization header is found in the performance span', () => {
    const recording = recordingOf('sentry', [{ name: 'replay-zlib-leaky-login', pageUrl: `${app}/login` }]);
    recording.pageRequests.push(...loginRequests(canary('session › auth token').value));
    const result = authTokenAudit.audit({ recording, canaries: planted, config: sentryConfig, recorder: recorderTraits(sentryConfig) }, { apiPaths });
    expect(result.status).toBe('fail');
    expect(result.reasons).toContainEqual(expect.stringMatching(/^planted session › auth token found in Custom:performanceSpan/));
  });

  it("Sentry's defaults: each request recorded with method and URL, the token (a ?token= Sentry scrubs) nowhere", () => {
    const recording = recordingOf('sentry', [{ name: 'replay-plain-default-login', pageUrl: `${app}/login` }]);
    recording.pageRequests.push(...loginRequests(canary('session › auth token').value));
    const requests = recordedRequests(recording.events.map((e) => e.event));
    expect(requests.map((r) => `${r.method} ${r.url.split('?')[0]}`)).toEqual(expect.arrayContaining(['GET /api/profile', 'GET /api/orders', 'GET /api/session', 'POST /api/track']));
    expect(requests.every((r) => r.shape === 'sentry performanceSpan')).toBe(true);
    const result = authTokenAudit.audit({ recording, canaries: planted, config: sentryConfig, recorder: recorderTraits(sentryConfig) }, { apiPaths });
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
  });

  it("PostHog's defaults: network timing records the full URL, so ?token= reaches the recording", () => {
    const recording = recordingOf('posthog', [{ name: 'snapshot-gzip-default-login', pageUrl: `${app}/login` }]);
    recording.pageRequests.push(...loginRequests(canary('session › auth token').value));
    const requests = recordedRequests(recording.events.map((e) => e.event));
    // Timing entries carry no method: the URL alone is matched.
    expect(requests.some((r) => r.shape === 'posthog rrweb/network@1' && r.method === undefined && r.url.includes('/api/orders'))).toBe(true);
    const result = authTokenAudit.audit({ recording, canaries: planted, config: posthogConfig(), recorder: recorderTraits(posthogConfig()) }, { apiPaths });
    expect(result.reasons[0]).toMatch(/^planted session › auth token found in Plugin #\d+/);
    // The token is a JWT whose payload carries the email: the engine decodes it (base64) too.
    expect(result.reasons.slice(1)).toEqual([expect.stringMatching(/^planted person › email found in Plugin #\d+ .*base64-encoded/)]);
    // The report never repeats the token: query values are hidden.
    expect(JSON.stringify(result.details)).not.toContain(canary('session › auth token').value);
  });

  it('is inapplicable when the PostHog config records no network', () => {
    const config = posthogConfig({ options: { capture_performance: false } });
    const recording = recordingOf('posthog', [{ name: 'snapshot-gzip-default', pageUrl: `${app}/checkout` }], config);
    expect(authTokenAudit.audit({ recording, canaries: planted, config, recorder: recorderTraits(config) }, { apiPaths }).status).toBe('inapplicable');
  });
});

describe('errors as each vendor records them', () => {
  it("Sentry's error event (metadata beside the replay) counts as the error, and its message is scanned", () => {
    const recording = recordingOf('sentry', [
      { name: 'replay-plain-default', pageUrl: `${app}/account` },
      { name: 'error-event', pageUrl: `${app}/account` },
    ]);
    expect(recordedErrors(recording).map((e) => e.shape)).toEqual(['sentry error event']);
    const result = rageClickAudit.audit({ recording, canaries: planted, config: sentryConfig, recorder: recorderTraits(sentryConfig) }, { button: 'place-order', minClicks: 5, windowMs: 1000 });
    expect(result.reasons).not.toContain('the error thrown by the button was not recorded');
    // Replay masks the page; the error event carries the name in the thrown message.
    expect(result.reasons).toContainEqual(expect.stringMatching(/^planted person › full name found in Custom:sentry\/event #\d+ at /));
  });

  it('without the error event, Sentry recorded no error', () => {
    const recording = recordingOf('sentry', [{ name: 'replay-plain-default', pageUrl: `${app}/account` }]);
    expect(recordedErrors(recording)).toEqual([]);
    const result = rageClickAudit.audit({ recording, canaries: planted, config: sentryConfig, recorder: recorderTraits(sentryConfig) }, { button: 'place-order', minClicks: 5, windowMs: 1000 });
    expect(result.reasons).toContain('the error thrown by the button was not recorded');
  });

  it("PostHog's console plugin records the uncaught error, unmasked", () => {
    const recording = recordingOf('posthog', [{ name: 'snapshot-gzip-default-account', pageUrl: `${app}/account` }]);
    expect(recordedErrors(recording).map((e) => e.shape)).toContain('posthog rrweb/console@1');
    const scanned = scannableEvents(recording);
    const result = rageClickAudit.audit({ recording, canaries: planted, config: posthogConfig(), recorder: recorderTraits(posthogConfig()) }, { button: 'place-order', minClicks: 1, windowMs: 1000 });
    expect(result.details.errorsRecorded).toBeGreaterThan(0);
    expect(result.reasons).toContainEqual(expect.stringMatching(/^planted person › full name found in /));
    expect(scanned.length).toBeGreaterThan(recording.events.length);
  });

  it('is inapplicable, not failed, for a clean recording whose config records no errors', () => {
    const config = posthogConfig({ options: { enable_recording_console_log: false } });
    const recording = recordingOf('posthog', [{ name: 'snapshot-gzip-default', pageUrl: `${app}/account` }], config);
    const result = rageClickAudit.audit({ recording, canaries: [canary('person › email')], config, recorder: recorderTraits(config) }, { button: 'submit-checkout', minClicks: 1, windowMs: 1000 });
    expect(result.status).toBe('inapplicable');
    expect(result.reasons).toEqual([expect.stringMatching(/PostHog recorder config does not record errors/)]);
  });
});

describe('admin route audit for recorders that cannot block routes', () => {
  const visited = (recording: CapturedRecording) => {
    recording.pageRequests.push({ method: 'GET', url: `${app}/api/admin/users`, resourceType: 'fetch', pageUrl: `${app}/admin` });
    return recording;
  };
  const routes = ['^/admin(/|$)'];

  it('Sentry recording a masked /admin is inapplicable, and says why', () => {
    const recording = visited(recordingOf('sentry', [
      { name: 'replay-plain-default', pageUrl: `${app}/checkout` },
      { name: 'replay-plain-default-login', pageUrl: `${app}/admin` },
    ]));
    const result = adminRouteAudit.audit({ recording, canaries: planted, config: sentryConfig, recorder: recorderTraits(sentryConfig) }, { routes });
    expect(result.status).toBe('inapplicable');
    expect(result.reasons).toEqual([expect.stringMatching(/^Sentry Replay has no option to leave routes unrecorded .*: \d+ events recorded on \/admin; 1 ingest requests sent from \/admin$/)]);
  });

  it('Sentry recording /admin unmasked fails on the leak', () => {
    const recording = visited(recordingOf('sentry', [
      { name: 'replay-plain-default', pageUrl: `${app}/checkout` },
      { name: 'replay-zlib-leaky-login', pageUrl: `${app}/admin` },
    ]));
    const result = adminRouteAudit.audit({ recording, canaries: planted, config: sentryConfig, recorder: recorderTraits(sentryConfig) }, { routes });
    expect(result.status).toBe('fail');
    expect(result.reasons[0]).toMatch(/^Sentry Replay has no option/);
    expect(result.reasons).toContainEqual(expect.stringMatching(/^planted person › email found in/));
  });

  it('PostHog with a URL blocklist can block routes: events on /admin fail the row', () => {
    const config = posthogConfig({ project: { urlBlocklist: ['/admin'] } });
    const recording = visited(recordingOf('posthog', [
      { name: 'snapshot-gzip-default-login', pageUrl: `${app}/login` },
      { name: 'snapshot-gzip-default', pageUrl: `${app}/admin` },
    ], config));
    const result = adminRouteAudit.audit({ recording, canaries: [canary('person › email')], config, recorder: recorderTraits(config) }, { routes });
    expect(result.status).toBe('fail');
    expect(result.reasons).toContainEqual(expect.stringMatching(/^\d+ events recorded on \/admin$/));
  });
});
