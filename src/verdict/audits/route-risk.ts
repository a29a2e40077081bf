import { redact } from '../../detect/index.ts';
import { type PrivacyAudit, outcome } from '../audit.ts';
import { leakReasons, plantedValuesFound, scannableEvents } from '../leaks.ts';
import { eventsOf, inputEvents, isMasked, textNodes } from '../recording-queries.ts';

export interface RiskRoute {
  /** The route as configured, e.g. "/records". */
  path: string;
  risk: 'high' | 'medium' | 'low';
  /** Regular expression on the URL path of the route's pages. */
  match: string;
}

export interface RouteRiskOptions {
  routes: RiskRoute[];
  /** Text known to be safe to record (config `allow.values`): not counted as unmasked text. */
  allowValues?: string[];
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.split('?')[0] ?? url;
  }
}

const RISK_RULE = { high: 'must produce no replay', medium: 'all text and inputs masked', low: 'inputs masked' } as const;

/**
 * The route risk classes of maskproof.config: on every configured route the journey visited, high
 * routes produced no events and no ingest requests, medium routes recorded only masked text and input,
 * low routes only masked input; and no planted value appears anywhere.
 */
export const routeRiskAudit: PrivacyAudit<RouteRiskOptions> = {
  title: 'Every route visited is recorded as its risk class allows',
  failureTitle: 'A route was recorded beyond what its risk class allows',
  requiredArtifacts: ['recording', 'canaries'],
  audit({ recording, canaries }, { routes, allowValues = [] }) {
    const reasons: string[] = [];
    const allowed = new Set(allowValues.map((v) => v.trim()));
    const patterns = routes.map((route) => ({ route, pattern: new RegExp(route.match) }));
    const routeOf = (url: string) => patterns.find((p) => p.pattern.test(pathOf(url)))?.route;
    const visited = new Set<RiskRoute>();
    for (const request of recording.pageRequests) {
      const route = routeOf(request.pageUrl);
      if (route) visited.add(route);
    }
    for (const captured of recording.events) {
      const route = routeOf(captured.pageUrl);
      if (route) visited.add(route);
    }
    if (visited.size === 0) reasons.push(`the journey visited none of the configured routes (${routes.map((r) => r.path).join(', ') || 'none configured'}), so the check proves nothing`);
    const perRoute: Record<string, Record<string, number | string>> = {};
    for (const route of [...visited]) {
      const captured = recording.events.filter((e) => routeOf(e.pageUrl) === route);
      const events = eventsOf(captured);
      const ingests = recording.ingests.filter((i) => i.eventCount > 0 && routeOf(i.pageUrl) === route);
      const label = `${route.path} (${route.risk} risk: ${RISK_RULE[route.risk]})`;
      const inputs = inputEvents(events).filter((input) => !isMasked(input.text));
      const texts = textNodes(events).filter((t) => !t.isStyle && !isMasked(t.text) && !allowed.has(t.text.trim()));
      perRoute[route.path] = { risk: route.risk, events: events.length, ingestRequests: ingests.length, unmaskedInputs: inputs.length, unmaskedTexts: texts.length };
      if (route.risk === 'high') {
        if (events.length > 0 || ingests.length > 0) reasons.push(`${label}: ${events.length} events and ${ingests.length} ingest requests recorded`);
        continue;
      }
      if (inputs.length > 0) reasons.push(`${label}: ${inputs.length} input events carry unmasked input, last: ${redact(inputs.at(-1)!.text, 'text')}`);
      if (route.risk === 'medium' && texts.length > 0) {
        const sample = texts.slice(0, 3).map((t) => `node ${t.nodeId} "${redact(t.text.trim(), 'text')}"`).join(', ');
        reasons.push(`${label}: ${texts.length} text nodes recorded unmasked, e.g. ${sample}`);
      }
    }
    // As in the admin route check: silence on a high route proves nothing if the recorder recorded nothing at all.
    const highVisited = [...visited].some((r) => r.risk === 'high');
    const elsewhere = recording.events.filter((e) => routeOf(e.pageUrl)?.risk !== 'high').length;
    if (highVisited && elsewhere === 0) reasons.push('the recorder produced no events outside the high-risk routes, so blocking cannot be told apart from a broken recorder');
    const scanned = scannableEvents(recording);
    const findings = plantedValuesFound(scanned, canaries);
    reasons.push(...leakReasons(findings, scanned));
    return outcome(reasons, findings, { routes: perRoute, eventsOutsideHighRoutes: elsewhere });
  },
};
