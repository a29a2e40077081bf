import { EventType } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { loadRecorderConfig } from '../../../src/config/recorder-config.ts';
import { recorderTraits } from '../../../src/recorder/vendors/traits.ts';
import type { Artifacts } from '../../../src/verdict/audit.ts';
import { audits, runPrivacyAudit } from '../../../src/verdict/index.ts';
import { root } from '../../helpers/run-cli.ts';
import { type ControlId, controlJourneys, loadControlEvidence, samplingRateOneJourney } from './controls-evidence.ts';

/** Re-runs a control's audit on the evidence a real run of `config` captured (seed 7). */
function verdict(config: string, id: ControlId, change?: (artifacts: Artifacts, options: Record<string, unknown>) => void, journey?: string) {
  const { artifacts, options } = loadControlEvidence(config, id, journey);
  change?.(artifacts, options as Record<string, unknown>);
  return runPrivacyAudit(id, artifacts, options as never);
}

describe('recording before consent', () => {
  it('passes on safe-controls: nothing before consent, a full snapshot after it', () => {
    const result = verdict('safe-controls', 'consent-gate');
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
    expect(result.details).toMatchObject({ eventsBeforeConsent: 0, ingestRequestsBeforeConsent: 0 });
    expect(result.details.eventsAfterConsent).toBeGreaterThan(0);
  });

  it('fails on a wrapper that ignores consent: events and ingest requests before it', () => {
    const result = verdict('leaky-ignores-consent', 'consent-gate');
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^\d+ events \(first: Meta on \/controls\/welcome\) recorded before consent was given$/), expect.stringMatching(/^\d+ ingest requests? sent before consent was given$/)]),
    );
  });

  it('fails when nothing is recorded after consent either (a broken recorder is not a consent gate)', () => {
    const result = verdict('safe-controls', 'consent-gate', (artifacts) => {
      artifacts.recording = { ...artifacts.recording, events: [], ingests: [] };
    });
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual([expect.stringMatching(/no events recorded after consent was given/)]);
  });
});

describe('consent withdrawn', () => {
  it('passes on safe-controls: recorded while consented, nothing after the withdrawal', () => {
    const result = verdict('safe-controls', 'consent-withdrawal');
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
    expect(result.details.eventsWhileConsented).toBeGreaterThan(0);
  });

  it('fails on a wrapper that ignores the withdrawal signal', () => {
    const result = verdict('leaky-ignores-withdrawal', 'consent-withdrawal');
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+ events? \(first: .+ on \/controls\/welcome\) recorded after consent was withdrawn$/)]));
  });

  it('fails on a wrapper that ignores consent: the next page load records although consent was withdrawn', () => {
    const result = verdict('leaky-ignores-consent', 'consent-withdrawal');
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+ events \(first: Meta on \/controls\/after-withdrawal\) recorded after consent was withdrawn$/)]));
  });

  it('fails when the recorder never recorded while consent held', () => {
    const result = verdict('safe-controls', 'consent-withdrawal', (artifacts) => {
      artifacts.recording = { ...artifacts.recording, events: [] };
    });
    expect(result.reasons).toEqual([expect.stringMatching(/no events recorded while consent was given/)]);
  });
});

describe('opt-out cookie', () => {
  it('passes on safe-controls: recorded before the opt-out, nothing after', () => {
    const result = verdict('safe-controls', 'opt-out-cookie');
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
  });

  it('fails on a wrapper that never checks the cookie', () => {
    const result = verdict('leaky-ignores-opt-out', 'opt-out-cookie');
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual([expect.stringMatching(/^\d+ events \(first: Meta on \/controls\/after-opt-out\) recorded with the opt-out cookie set, sent in \d+ ingest requests?$/)]);
  });
});

describe('short session', () => {
  it('passes on safe-controls: the short visit never sent, the long one sent by the recorder itself', () => {
    const result = verdict('safe-controls', 'min-session');
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
    expect(result.details).toMatchObject({ shortSessionEventsSent: 0 });
    expect(result.details.longSessionIngestRequests).toBeGreaterThan(0);
  });

  it('fails on a wrapper without a minimum: the short visit was sent', () => {
    const result = verdict('leaky-short-sessions-sent', 'min-session');
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual([expect.stringMatching(/^\d+ events \(first: Meta on \/controls\/short-visit\) from a session shorter than 15000 ms were sent, in \d+ ingest requests?$/)]);
  });

  it('fails when the long session arrived only with the harness\'s final flush', () => {
    const result = verdict('safe-controls', 'min-session', (_artifacts, options) => {
      options.longSessionCheckedAt = 0;
    });
    expect(result.reasons).toEqual([expect.stringMatching(/was not sent by the recorder once it was long enough/)]);
  });
});

describe('URL with query string and fragment', () => {
  it('passes on safe-controls: Meta hrefs and ingest URLs without query or fragment', () => {
    const result = verdict('safe-controls', 'url-stripping');
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
    expect(result.details.metaEvents).toBeGreaterThan(0);
  });

  it('fails when URLs are recorded whole, naming the parameters but never their values', () => {
    const { artifacts } = loadControlEvidence('leaky-url-query-kept', 'url-stripping');
    const result = verdict('leaky-url-query-kept', 'url-stripping');
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^\d+ Meta events? records? the page URL with \?email=…&utm_source=… #… \(\d+ characters\)/),
        expect.stringMatching(/^\d+ ingest requests? names? the page URL with \?email=…/),
        expect.stringMatching(/planted person › email found in Meta #\d+/),
      ]),
    );
    const planted = artifacts.canaries.map((c) => c.value).filter((v) => v.length > 6);
    for (const reason of result.reasons) for (const value of planted) expect(reason).not.toContain(value);
  });

  it('fails when the journey never opened a URL with a query string (the check would prove nothing)', () => {
    const result = verdict('safe-controls', 'url-stripping', (artifacts) => {
      artifacts.recording = { ...artifacts.recording, pageRequests: artifacts.recording.pageRequests.map((r) => ({ ...r, pageUrl: r.pageUrl.replace(/[?#].*$/, '') })) };
    });
    expect(result.reasons).toEqual([expect.stringMatching(/never opened a URL with a query string or fragment/)]);
  });
});

describe('sampling', () => {
  it('passes on safe-controls at rate 0: zero events, zero ingest requests', () => {
    const result = verdict('safe-controls', 'sampling');
    expect(result.options).toMatchObject({ sampleRate: 0 });
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
    expect(result.details).toMatchObject({ events: 0, ingestRequests: 0 });
  });

  it('passes on safe-controls at rate 1.0: a full snapshot, the click and the typing, sent', () => {
    const result = verdict('safe-controls', 'sampling', undefined, samplingRateOneJourney);
    expect(result.options).toMatchObject({ sampleRate: 1 });
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
    expect(result.details.clicks).toBeGreaterThan(0);
    expect(result.details.inputs).toBeGreaterThan(0);
  });

  it('fails at rate 0 when the rate sits in rrweb\'s `sampling` option: the session was recorded and sent, and says why', () => {
    const result = verdict('leaky-sampling-in-rrweb', 'sampling');
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual([
      expect.stringMatching(/^at sample rate 0, \d+ events \(first: Meta on \/controls\/sampling\) recorded, sent in \d+ ingest requests?$/),
      expect.stringMatching(/^the config sets no policy\.collection\.sampleRate, so the rate under test reached no sampling decision: rrweb's own `sampling` option \(set here\) throttles/),
    ]);
  });

  it('passes on the leaky config at rate 1.0: it records everything, it just never samples', () => {
    const result = verdict('leaky-sampling-in-rrweb', 'sampling', undefined, samplingRateOneJourney);
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
  });

  it('fails at rate 1.0 when nothing was recorded (rate-0 silence must not be a broken recorder)', () => {
    const result = verdict('safe-controls', 'sampling', (artifacts) => {
      artifacts.recording = { ...artifacts.recording, events: [], ingests: [] };
    }, samplingRateOneJourney);
    expect(result.reasons).toEqual(['at sample rate 1, nothing was recorded: the recorder never started']);
  });

  it('fails at rate 1.0 when the journey\'s interactions are missing from the recording', () => {
    const result = verdict('safe-controls', 'sampling', (artifacts) => {
      artifacts.recording = { ...artifacts.recording, events: artifacts.recording.events.filter((e) => e.event.type !== EventType.IncrementalSnapshot) };
    }, samplingRateOneJourney);
    expect(result.reasons).toEqual(['at sample rate 1, the click on #save-note was not recorded', 'at sample rate 1, the typing into #note was not recorded']);
  });

  it('refuses a rate whose outcome is not certain', () => {
    const result = verdict('safe-controls', 'sampling', (_artifacts, options) => {
      options.sampleRate = 0.5;
    });
    expect(result.reasons).toEqual([expect.stringMatching(/sample rate 0.5 has no certain outcome/)]);
  });
});

describe('vendor SDKs', () => {
  it('reports every control as inapplicable, with the reason, for a Sentry or PostHog config', () => {
    for (const id of Object.keys(controlJourneys) as ControlId[]) {
      const { artifacts, options } = loadControlEvidence('safe-controls', id);
      for (const vendor of ['sentry-default', 'posthog-default']) {
        const config = loadRecorderConfig(`${root}/fixtures/recorders/${vendor}.json`);
        const result = runPrivacyAudit(id, { ...artifacts, config, recorder: recorderTraits(config) }, options as never);
        expect(result.status, `${id} on ${vendor}`).toBe('inapplicable');
        expect(result.reasons).toEqual([expect.stringMatching(/is not checked for (Sentry Replay|PostHog): the harness starts the SDK at page load/)]);
      }
    }
  });
});
