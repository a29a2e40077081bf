import { type PrivacyAudit, capabilitiesOf, outcomeWithGaps } from '../audit.ts';
import { leakReasons, plantedValuesFound, scannableEvents } from '../leaks.ts';

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
  title: 'Admin routes generate no replay: zero events, zero ingest requests',
  failureTitle: 'Admin routes were recorded',
  requiredArtifacts: ['recording', 'canaries', 'recorder'],
  audit(artifacts, { routes }) {
    const { recording, canaries, recorder } = artifacts;
    const patterns = routes.map((source) => new RegExp(source));
    const onRoute = (url: string) => patterns.some((pattern) => pattern.test(pathOf(url)));
    const reasons: string[] = [];
    const visited = new Set(recording.pageRequests.filter((r) => onRoute(r.pageUrl)).map((r) => pathOf(r.pageUrl)));
    if (visited.size === 0) reasons.push('the journey never reached an admin route, so the check proves nothing');
    const elsewhere = recording.events.filter((e) => !onRoute(e.pageUrl));
    // Without events elsewhere, silence on /admin could be a broken recorder rather than a blocked route.
    if (elsewhere.length === 0) reasons.push('the recorder produced no events on the pages before the admin route, so blocking cannot be told apart from a broken recorder');
    const adminEvents = recording.events.filter((e) => onRoute(e.pageUrl));
    // Replay ingests only: a vendor's other traffic from the page (error events, analytics) carries no
    // events; it is scanned for planted values below like everything else.
    const adminIngests = recording.ingests.filter((i) => onRoute(i.pageUrl) && i.eventCount > 0);
    const paths = [...new Set(adminEvents.map((e) => pathOf(e.pageUrl)))];
    const recorded: string[] = [];
    if (adminEvents.length > 0) recorded.push(`${adminEvents.length} events recorded on ${paths.join(', ')}`);
    if (adminIngests.length > 0) recorded.push(`${adminIngests.length} ingest requests sent from ${[...new Set(adminIngests.map((i) => pathOf(i.pageUrl)))].join(', ')}`);
    // A recorder that cannot block routes is not failed for recording them: the row does not apply to
    // it (and says so). What it recorded there is still scanned: a leak fails the row.
    const gaps: string[] = [];
    if (capabilitiesOf(artifacts).routeBlocking) reasons.push(...recorded);
    else gaps.push(`${recorder.noRouteBlocking}: ${recorded.length > 0 ? recorded.join('; ') : 'no events came from admin routes in this run, but nothing stops them'}`);
    const scanned = scannableEvents(recording);
    const findings = plantedValuesFound(scanned, canaries);
    reasons.push(...leakReasons(findings, scanned));
    return outcomeWithGaps(reasons, gaps, findings, {
      adminPathsVisited: [...visited],
      adminEvents: adminEvents.length,
      adminIngestRequests: adminIngests.length,
      eventsElsewhere: elsewhere.length,
    });
  },
};
