import { type PrivacyAudit, capabilitiesOf, outcome } from '../audit.ts';
import { leakReasons, plantedValuesFound, scannableEvents } from '../leaks.ts';
import { recordedCredentials } from '../credentials.ts';
import { type RecordedRequest, eventsOf } from '../recording-queries.ts';

export interface AuthTokenOptions {
  /** Paths of the API calls that carry the token; each must be recorded (method and URL). */
  apiPaths: string[];
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

export const authTokenAudit: PrivacyAudit<AuthTokenOptions> = {
  title: 'Requests are recorded with the auth token stripped',
  failureTitle: 'The auth token reached the recording',
  requiredArtifacts: ['recording', 'canaries', 'recorder'],
  audit(artifacts, { apiPaths }) {
    const { recording, canaries, recorder } = artifacts;
    const events = eventsOf(recording.events);
    const reasons: string[] = [];
    if (!capabilitiesOf(artifacts).networkRecording) {
      return {
        status: 'inapplicable',
        reasons: [`the ${recorder.name} recorder config turns network recording off, so there are no recorded requests to check`],
        findings: [],
        details: {},
      };
    }
    // Each recorder's own shape, read into plain requests at capture time.
    const recorded = recording.requests;
    const sent = recording.pageRequests.filter((r) => apiPaths.includes(pathOf(r.url)));
    const missingOnWire = apiPaths.filter((path) => !sent.some((r) => pathOf(r.url) === path));
    if (missingOnWire.length > 0) reasons.push(`the app never sent ${missingOnWire.join(', ')}, so the journey did not exercise the token`);
    for (const request of sent) {
      const path = pathOf(request.url);
      // PostHog's timing-only entries carry no method: there the URL alone must match.
      const match = recorded.some((r) => (r.method === undefined || r.method === request.method) && pathOf(r.url) === path);
      if (!match) reasons.push(`request ${request.method} ${path} was not recorded (URL and method must be present)`);
    }
    // The token first, then any other planted value that rode along (e.g. in a response body).
    const scanned = scannableEvents(recording);
    const findings = plantedValuesFound(scanned, canaries).sort((a, b) => Number(b.kind === 'token') - Number(a.kind === 'token'));
    reasons.push(...leakReasons(findings, scanned));
    // The app's own tokens: the server issued them, so no canary knows them; their names give them away.
    const planted = new Set(findings.map((f) => `${f.eventIndex}|${f.path}`));
    const credentials = recordedCredentials(events).filter((c) => !planted.has(`${c.eventIndex}|${c.path}`));
    for (const c of credentials) reasons.push(`credential ${c.kind} recorded unscrubbed in request event #${c.eventIndex} at ${c.path}: ${c.redacted}`);
    findings.push(...credentials);
    return outcome(reasons, findings, {
      requestsSent: sent.map((r) => `${r.method} ${pathOf(r.url)}`),
      requestsRecorded: recorded.map(describeRecorded),
    });
  },
};

/** "METHOD url" for the report, query values other than a recorder's "[Filtered]" hidden: they may be the token. */
function describeRecorded(request: RecordedRequest): string {
  const url = request.url.replace(/([?&][^=&#]+=)([^&#]*)/g, (whole, key: string, value: string) => {
    let decoded = value;
    try {
      decoded = decodeURIComponent(value);
    } catch {
      // keep it as written
    }
    return decoded === '[Filtered]' ? whole : `${key}•••`;
  });
  return `${request.method ?? '(no method)'} ${url}`;
}
