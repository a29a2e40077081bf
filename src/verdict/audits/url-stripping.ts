import { EventType } from '@rrweb/types';
import { type PrivacyAudit, outcomeWithGaps } from '../audit.ts';
import { collectionControlGap } from '../collection-window.ts';
import { leakReasons, plantedValuesFound, scannableEvents } from '../leaks.ts';

export type UrlPart = 'query' | 'hash';

export interface UrlStrippingOptions {
  /** The URL parts that must not be recorded. */
  parts: UrlPart[];
}

/** What of a URL's query and fragment remains, names only: "?email=…&ref=…", "#…" (values never shown). */
function keptParts(raw: string, parts: readonly UrlPart[]): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const kept: string[] = [];
  if (parts.includes('query') && url.search) kept.push(`?${[...url.searchParams.keys()].map((key) => `${key}=…`).join('&')}`);
  if (parts.includes('hash') && url.hash) kept.push(`#… (${url.hash.length - 1} characters)`);
  return kept.length > 0 ? kept.join(' ') : undefined;
}

export const urlStrippingAudit: PrivacyAudit<UrlStrippingOptions> = {
  title: 'Recorded page URLs carry no query string or fragment',
  failureTitle: 'Recorded page URLs kept their query string or fragment',
  requiredArtifacts: ['recording', 'canaries', 'config'],
  audit({ recording, canaries, config, recorder }, { parts }) {
    const gap = collectionControlGap(recorder, 'stripping query strings and fragments from page URLs');
    if (gap) return outcomeWithGaps([], [gap], [], {});
    const reasons: string[] = [];
    // Ground truth from the browser: the journey did open a URL that has what must be stripped.
    if (!recording.pageRequests.some((r) => keptParts(r.pageUrl, parts))) reasons.push('the journey never opened a URL with a query string or fragment, so the check proves nothing');
    const metas = recording.events.flatMap((captured, eventIndex) => (captured.event.type === EventType.Meta ? [{ href: captured.event.data.href, eventIndex }] : []));
    if (metas.length === 0) reasons.push('no Meta event recorded: the page URL was never recorded, so stripping cannot be checked');
    const metasKept = metas.flatMap((meta) => {
      const kept = keptParts(meta.href, parts);
      return kept ? [{ ...meta, kept }] : [];
    });
    const firstMeta = metasKept[0];
    if (firstMeta) reasons.push(`${metasKept.length} Meta ${metasKept.length === 1 ? 'event records' : 'events record'} the page URL with ${firstMeta.kept} (first: event #${firstMeta.eventIndex})`);
    const ingestsKept = recording.ingests.flatMap((ingest) => {
      const kept = keptParts(ingest.pageUrl, parts);
      return kept ? [{ ingest, kept }] : [];
    });
    const firstIngest = ingestsKept[0];
    if (firstIngest) reasons.push(`${ingestsKept.length} ingest ${ingestsKept.length === 1 ? 'request names' : 'requests name'} the page URL with ${firstIngest.kept}`);
    const scanned = scannableEvents(recording);
    const findings = plantedValuesFound(scanned, canaries);
    reasons.push(...leakReasons(findings, scanned));
    return outcomeWithGaps(reasons, [], findings, { metaEvents: metas.length, metaEventsWithUrlParts: metasKept.length, ingestRequestsWithUrlParts: ingestsKept.length });
  },
};
