import { EventType } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import { audits, runPrivacyAudit } from '../../../src/verdict/index.ts';
import { type CaseId, privacyCases } from '../../../src/verdict/cases.ts';
import type { Artifacts } from '../../../src/verdict/audit.ts';
import { rrwebConfig } from '../../../src/config/recorder-config.ts';
import { journeyFiles, loadEvidence } from '../../helpers/evidence.ts';
import { readRecorded } from '../../../src/recorder/vendors/readers.ts';
import { recorderTraits } from '../../../src/recorder/vendors/traits.ts';

/** Re-runs an audit on evidence captured from a real run (seed 7) of the given recorder config. */
function verdict(config: string, id: Parameters<typeof loadEvidence>[1], change?: (artifacts: Artifacts) => void) {
  const { artifacts, options } = loadEvidence(config, id);
  if (change) {
    change(artifacts);
    // What the capture reads from the events at snapshot time, read again from the changed events.
    Object.assign(artifacts.recording, readRecorded(artifacts.recording.events, artifacts.recording.ingests));
    artifacts.recorder = recorderTraits(artifacts.config);
  }
  return runPrivacyAudit(id, artifacts, options as never);
}

describe('PII form submit audit', () => {
  it('passes on the safe recording: every field recorded, only as ****', () => {
    const result = verdict('safe', 'pii-form-submit');
    expect(result.reasons).toEqual([]);
    expect(result.status).toBe('pass');
    expect(Object.values(result.details.fields as Record<string, { masked: boolean; inputEvents: number }>).every((f) => f.masked && f.inputEvents > 0)).toBe(true);
  });

  it('fails on the leaky recording: unmasked input events and planted values', () => {
    const result = verdict('leaky', 'pii-form-submit');
    expect(result.status).toBe('fail');
    expect(result.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/field #ssn recorded unmasked input/), expect.stringMatching(/planted person › card number found/)]));
  });

  it('fails when a field is missing from the recording (blocked instead of masked)', () => {
    const result = verdict('safe', 'pii-form-submit', ({ recording }) => {
      recording.events = recording.events.filter((e) => !JSON.stringify(e.event).includes('"card-cvv"'));
    });
    expect(result.reasons).toContain('field #card-cvv is not in the recording (blocked or never rendered), so it cannot show ****');
  });
});

describe('admin route audit', () => {
  it('passes on the safe recording: nothing recorded on /admin or /app/admin', () => {
    const result = verdict('safe', 'admin-route');
    expect(result.reasons).toEqual([]);
    expect(result.details.adminPathsVisited).toEqual(expect.arrayContaining(['/admin', '/app/admin']));
  });

  it('fails on the leaky recording with the count of events on /admin', () => {
    expect(verdict('leaky', 'admin-route').reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^\d+ events recorded on \/admin/), expect.stringMatching(/ingest requests sent from/)]));
  });

  it('fails when only the single-page route leaks', () => {
    const result = verdict('leaky-spa-admin', 'admin-route');
    expect(result.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/events recorded on \/app\/admin$/)]));
  });

  it('does not pass a recorder that recorded nothing at all', () => {
    const result = verdict('safe', 'admin-route', ({ recording }) => {
      recording.events = [];
      recording.ingests = [];
    });
    expect(result.reasons[0]).toMatch(/no events on the pages before the admin route/);
  });
});

describe('auth token audit', () => {
  it('passes on the safe recording: all four requests recorded, token nowhere', () => {
    const result = verdict('safe', 'auth-token');
    expect(result.reasons).toEqual([]);
    expect(result.details.requestsRecorded).toEqual(expect.arrayContaining([expect.stringMatching(/^GET .*\/api\/orders\?token=%5BFiltered%5D/)]));
  });

  it('fails on the leaky recording: the token is found', () => {
    expect(verdict('leaky', 'auth-token').reasons).toEqual(expect.arrayContaining([expect.stringMatching(/planted session › auth token found/)]));
  });

  it('fails when a request the app sent was not recorded', () => {
    const result = verdict('safe', 'auth-token', ({ recording }) => {
      recording.events = recording.events.filter((e) => !(e.event.type === EventType.Custom && JSON.stringify(e.event.data).includes('/api/track')));
    });
    expect(result.reasons).toEqual(['request POST /api/track was not recorded (URL and method must be present)']);
  });

  it('is inapplicable, not green, when the config records no network', () => {
    const result = verdict('safe', 'auth-token', (artifacts) => {
      rrwebConfig(artifacts.config).policy.network.record = false;
    });
    expect(result.status).toBe('inapplicable');
  });
});

describe('rage click audit', () => {
  it('passes on the safe recording: ≥5 clicks within 1 s on the button, errors recorded, masked', () => {
    const result = verdict('safe', 'rage-click');
    expect(result.reasons).toEqual([]);
    expect(result.details.densestBurst).toBeGreaterThanOrEqual(5);
    expect(result.details.errorsRecorded).toBeGreaterThanOrEqual(1);
  });

  it('fails on the leaky recording: the name is in the error and on the page', () => {
    expect(verdict('leaky', 'rage-click').reasons).toEqual(expect.arrayContaining([expect.stringMatching(/planted person › full name found/)]));
  });

  it('fails when clicks are sampled out', () => {
    expect(verdict('no-interactions', 'rage-click').reasons[0]).toMatch(/only 0 clicks on #place-order recorded within 1000 ms/);
  });

  it('fails when the error is not recorded', () => {
    const result = verdict('safe', 'rage-click', ({ recording }) => {
      recording.events = recording.events.filter((e) => !(e.event.type === EventType.Custom && e.event.data.tag === 'maskproof/error'));
    });
    expect(result.reasons).toContain('the error thrown by the button was not recorded');
  });
});

describe('mobile gestures audit', () => {
  it('passes on the safe recording: tap and swipe captured, all text masked', () => {
    const result = verdict('safe', 'mobile-gestures');
    expect(result.reasons).toEqual([]);
    expect((result.details.swipe as { touchMovePositions: number }).touchMovePositions).toBeGreaterThan(0);
  });

  it('fails on the leaky recording: text recorded', () => {
    expect(verdict('leaky', 'mobile-gestures').reasons[0]).toMatch(/recorded text nodes carry unmasked text/);
  });

  it('fails when touches are not captured', () => {
    expect(verdict('no-interactions', 'mobile-gestures').reasons).toEqual(expect.arrayContaining([expect.stringMatching(/tap on #tap-target not captured/)]));
  });
});

describe('every audit declares what it checks', () => {
  it('is registered under a row of the case table (the one place an id is written), with a title, a failure title and its artifacts', () => {
    expect(Object.keys(audits).sort()).toEqual(privacyCases.map((c) => c.id).sort());
    for (const audit of Object.values(audits)) {
      expect(audit.title.length).toBeGreaterThan(10);
      expect(audit.failureTitle).not.toBe(audit.title);
      expect(audit.requiredArtifacts).toContain('recording');
    }
  });
});

describe('the runner enforces requiredArtifacts', () => {
  const rows = Object.keys(journeyFiles) as (keyof typeof journeyFiles)[];

  it('an audit that passes with its artifacts is not run without one: its verdict is an error naming the missing artifact', () => {
    const { artifacts, options } = loadEvidence('safe', 'rage-click');
    expect(runPrivacyAudit('rage-click', artifacts, options as never).status).toBe('pass');
    const { recorder: _dropped, ...withoutRecorder } = artifacts;
    const result = runPrivacyAudit('rage-click', withoutRecorder as Artifacts, options as never);
    expect(result.status).toBe('error');
    expect(result.reasons).toEqual([expect.stringMatching(/needs the recorder's traits and capabilities \(artifact "recorder"\), which was not gathered/)]);
    expect(result.details).toEqual({ missingArtifacts: ['recorder'] });
  });

  it('every missing declared artifact is named, and a leak cannot turn into a pass by dropping the canaries', () => {
    const { artifacts, options } = loadEvidence('leaky', 'pii-form-submit');
    expect(runPrivacyAudit('pii-form-submit', artifacts, options as never).status).toBe('fail');
    const result = runPrivacyAudit('pii-form-submit', { ...artifacts, canaries: undefined, recording: undefined } as unknown as Artifacts, options as never);
    expect(result.status).toBe('error');
    expect(result.reasons.map((r) => r.match(/artifact "(\w+)"/)?.[1])).toEqual(['recording', 'canaries']);
  });

  it('each audit declares every artifact it reads (read through a proxy on real evidence)', () => {
    for (const id of rows) {
      const { artifacts, options } = loadEvidence('safe', id);
      const read = new Set<string>();
      const watched = new Proxy(artifacts, { get: (target, key) => (read.add(String(key)), Reflect.get(target, key)) });
      audits[id].audit(watched, options as never);
      // allow and harnessErrors are optional (absent for the bundled app): an audit reads them only when there.
      const undeclared = [...read].filter((key) => !(audits[id].requiredArtifacts as readonly string[]).includes(key) && key !== 'allow' && key !== 'harnessErrors');
      expect(undeclared, id).toEqual([]);
    }
  });
});
