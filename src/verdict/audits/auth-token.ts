import { type PrivacyAudit, outcome } from '../audit.ts';
import { leakReasons, plantedValuesFound } from '../leaks.ts';
import { customEvents, eventsOf } from '../recording-queries.ts';

export interface AuthTokenOptions {
  /** Paths of the API calls that carry the token; each must be recorded (method and URL). */
  apiPaths: string[];
}

interface NetworkPayload {
  method?: string;
  url?: string;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

export const authTokenAudit: PrivacyAudit<AuthTokenOptions> = {
  id: 'auth-token',
  title: 'Requests are recorded with the auth token stripped',
  failureTitle: 'The auth token reached the recording',
  requiredArtifacts: ['recording', 'canaries', 'config'],
  audit({ recording, canaries, config }, { apiPaths }) {
    const events = eventsOf(recording.events);
    const reasons: string[] = [];
    if (!config.policy.network.record) {
      return {
        status: 'inapplicable',
        reasons: ['the recorder config turns network recording off, so there are no recorded requests to check'],
        findings: [],
        details: {},
      };
    }
    const recorded = customEvents<NetworkPayload>(events, 'maskproof/network').map((e) => e.payload);
    const sent = recording.pageRequests.filter((r) => apiPaths.includes(pathOf(r.url)));
    const missingOnWire = apiPaths.filter((path) => !sent.some((r) => pathOf(r.url) === path));
    if (missingOnWire.length > 0) reasons.push(`the app never sent ${missingOnWire.join(', ')}, so the journey did not exercise the token`);
    for (const request of sent) {
      const path = pathOf(request.url);
      const match = recorded.some((r) => r.method === request.method && typeof r.url === 'string' && pathOf(r.url) === path);
      if (!match) reasons.push(`request ${request.method} ${path} was not recorded (URL and method must be present)`);
    }
    // The token first, then any other planted value that rode along (e.g. in a response body).
    const findings = plantedValuesFound(events, canaries).sort((a, b) => Number(b.kind === 'token') - Number(a.kind === 'token'));
    reasons.push(...leakReasons(findings, events));
    return outcome(reasons, findings, {
      requestsSent: sent.map((r) => `${r.method} ${pathOf(r.url)}`),
      requestsRecorded: recorded.map((r) => `${r.method} ${r.url}`),
    });
  },
};
