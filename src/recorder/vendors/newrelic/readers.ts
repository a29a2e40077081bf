import { type IngestRequest, type RecordedError, type RecordedRequest, isVendorMetadata } from '../../../contract/recording.ts';
import type { RecordedReaders } from '../descriptor.ts';

/** A session trace node (`{n, s, e, o, t}`: name, start, end, origin, type). */
interface TraceNode {
  n?: unknown;
  o?: unknown;
  t?: unknown;
}

/** The Ajax node's origin, as session_trace/aggregate/trace/storage.js writes it: `${status} ${method}: ${host}${pathname}`. */
const AJAX_ORIGIN = /^(\d+) ([A-Z]+): (\S+)$/;

function payloadOf(metadata: unknown, kind: string): Record<string, unknown> | undefined {
  if (!isVendorMetadata(metadata) || metadata.vendor !== 'newrelic' || metadata.kind !== kind) return undefined;
  return (metadata.payload ?? undefined) as Record<string, unknown> | undefined;
}

/**
 * New Relic: the replay itself holds no network events (no rrweb network plugin). The agent records
 * fetch/XHR in its session trace, which New Relic's replay player shows beside the replay: each
 * BrowserSessionChunk harvest's Ajax nodes give the method, status and host + path (the agent keeps
 * no query). The scheme is the page's (the trace's `currentUrl` attribute). Errors are the jserrors
 * harvests sent beside the replay (`{"err": [...]}`), one per error held.
 */
export const newrelicReaders: RecordedReaders = {
  requests(_events, ingests: readonly IngestRequest[] = []): RecordedRequest[] {
    const found: RecordedRequest[] = [];
    for (const { metadata } of ingests) {
      const payload = payloadOf(metadata, 'BrowserSessionChunk');
      const nodes = payload?.body;
      if (!Array.isArray(nodes)) continue;
      const page = (payload?.attributes as { currentUrl?: unknown } | undefined)?.currentUrl;
      let scheme = 'https:';
      try {
        if (typeof page === 'string') scheme = new URL(page).protocol;
      } catch {
        // keep https
      }
      for (const node of nodes as TraceNode[]) {
        if (node?.t !== 'ajax' || typeof node.o !== 'string') continue;
        const match = AJAX_ORIGIN.exec(node.o);
        if (!match) continue;
        found.push({ method: match[2], url: `${scheme}//${match[3]}`, status: Number(match[1]), shape: 'newrelic session trace Ajax node' });
      }
    }
    return found;
  },
  errors({ ingests }): RecordedError[] {
    const found: RecordedError[] = [];
    for (const { metadata } of ingests) {
      const err = (payloadOf(metadata, 'jserrors')?.body as { err?: unknown } | undefined)?.err;
      for (const _ of Array.isArray(err) ? err : []) found.push({ shape: 'newrelic jserrors' });
    }
    return found;
  },
};
