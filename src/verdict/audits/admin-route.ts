import { type PrivacyAudit, outcome } from '../audit.ts';
import { leakReasons, plantedValuesFound } from '../leaks.ts';
import { eventsOf } from '../recording-queries.ts';

export interface AdminRouteOptions {
  /** Path patterns (regular expression sources) of the routes that must produce no replay. */
  routes: string[];
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

export const adminRouteAudit: PrivacyAudit<AdminRouteOptions> = {
  id: 'admin-route',
  title: 'Admin routes generate no replay: zero events, zero ingest requests',
  failureTitle: 'Admin routes were recorded',
  requiredArtifacts: ['recording', 'canaries'],
  audit({ recording, canaries }, { routes }) {
    const patterns = routes.map((source) => new RegExp(source));
    const onRoute = (url: string) => patterns.some((pattern) => pattern.test(pathOf(url)));
    const reasons: string[] = [];
    const visited = new Set(recording.pageRequests.filter((r) => onRoute(r.pageUrl)).map((r) => pathOf(r.pageUrl)));
    if (visited.size === 0) reasons.push('the journey never reached an admin route, so the check proves nothing');
    const elsewhere = recording.events.filter((e) => !onRoute(e.pageUrl));
    // Without events elsewhere, silence on /admin could be a broken recorder rather than a blocked route.
    if (elsewhere.length === 0) reasons.push('the recorder produced no events on the pages before the admin route, so blocking cannot be told apart from a broken recorder');
    const adminEvents = recording.events.filter((e) => onRoute(e.pageUrl));
    const adminIngests = recording.ingests.filter((i) => onRoute(i.pageUrl));
    const paths = [...new Set(adminEvents.map((e) => pathOf(e.pageUrl)))];
    if (adminEvents.length > 0) reasons.push(`${adminEvents.length} events recorded on ${paths.join(', ')}`);
    if (adminIngests.length > 0) reasons.push(`${adminIngests.length} ingest requests sent from ${[...new Set(adminIngests.map((i) => pathOf(i.pageUrl)))].join(', ')}`);
    const events = eventsOf(recording.events);
    const findings = plantedValuesFound(events, canaries);
    reasons.push(...leakReasons(findings, events));
    return outcome(reasons, findings, {
      adminPathsVisited: [...visited],
      adminEvents: adminEvents.length,
      adminIngestRequests: adminIngests.length,
      eventsElsewhere: elsewhere.length,
    });
  },
};
