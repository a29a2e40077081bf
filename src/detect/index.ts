import { CanaryMatcher } from './canaries.ts';
import { findPatterns } from './patterns.ts';
import { redact, sha256 } from './redact.ts';
import type { AllowList, Canary, Encoding, Finding, ScanOptions, Scanner } from './types.ts';
import { type StringSite, walkStrings } from './walk.ts';

export { redact, sha256 } from './redact.ts';
export type * from './types.ts';

/** How much text per parent node is kept to catch values typed or streamed in piece by piece. */
const SPLIT_BUFFER = 256;

interface EventLike {
  type?: unknown;
  data?: { source?: unknown; adds?: unknown; node?: unknown };
}

interface SerializedNode {
  id?: number;
  type?: number;
  tagName?: string;
  textContent?: string;
  isStyle?: boolean;
  childNodes?: SerializedNode[];
}

function compileAllow(allow: AllowList | undefined): (value: string) => boolean {
  const values = new Set((allow?.values ?? []).map((v) => v.toLowerCase()));
  const patterns = (allow?.patterns ?? []).map((p) => new RegExp(`^(?:${p})$`, 'i'));
  return (value) => values.has(value.toLowerCase()) || patterns.some((p) => p.test(value));
}

/** What rrweb and vendors leave of a masked value: mask characters, optionally a few kept at the end. */
function maskedOnly(text: string, keepLast: number): boolean {
  if (/^[\s*•]*$/.test(text)) return true;
  if (keepLast <= 0) return false;
  const trimmed = text.trim();
  return /^[*•][\s*•]*/.test(trimmed) && /^[\s*•]*$/.test(trimmed.slice(0, -keepLast));
}

/** The text of an element as a reader sees it: its descendant text nodes joined (style and script excluded). */
function visibleText(node: SerializedNode, texts: Map<SerializedNode, string>): string {
  if (node.type === 3) return node.isStyle ? '' : (node.textContent ?? '');
  if (node.type === 2 && /^(style|script)$/i.test(node.tagName ?? '')) return '';
  let out = '';
  for (const child of node.childNodes ?? []) out += visibleText(child, texts);
  if ((node.childNodes?.length ?? 0) >= 2 && out.length < 4000) texts.set(node, out);
  return out;
}

export function createScanner(options: ScanOptions): Scanner {
  const matcher = new CanaryMatcher(options.canaries ?? []);
  const patterns = options.patterns !== false;
  const keepLast = options.maskedLastChars ?? 0;
  const allowed = compileAllow(options.allow);
  /** parent node id → text added under it by mutations, across events. */
  const streamed = new Map<number, string>();
  const streamedFound = new Set<string>();
  let eventsScanned = 0;

  const makeFinding = (
    base: { eventIndex: number; eventType: number; eventSource: number | undefined },
    site: { path: string; nodeId: number | undefined },
    detector: Finding['detector'],
    kind: string,
    value: string,
    encoding: Encoding,
    label?: string,
  ): Finding => ({
    detector,
    kind,
    eventIndex: base.eventIndex,
    eventType: base.eventType,
    ...(base.eventSource !== undefined ? { eventSource: base.eventSource } : {}),
    path: site.path,
    ...(site.nodeId !== undefined ? { nodeId: site.nodeId } : {}),
    encoding,
    redacted: redact(value, kind),
    sha256: sha256(value),
    ...(label !== undefined ? { label } : {}),
  });

  function scanEvent(event: unknown, eventIndex: number): Finding[] {
    eventsScanned++;
    const e = event as EventLike;
    const base = {
      eventIndex,
      eventType: typeof e?.type === 'number' ? e.type : -1,
      eventSource: e?.type === 3 && typeof e.data?.source === 'number' ? e.data.source : undefined,
    };
    const findings: Finding[] = [];
    const seen = new Set<string>();
    const foundCanaries = new Set<Canary>();
    const push = (finding: Finding) => {
      const key = `${finding.detector}|${finding.kind}|${finding.path}|${finding.sha256}`;
      if (seen.has(key)) return;
      seen.add(key);
      findings.push(finding);
    };

    walkStrings(event, (site: StringSite) => {
      if (maskedOnly(site.value, keepLast)) return;
      const hits = matcher.search(site.value).filter((hit) => !allowed(hit.canary.value));
      const patternHits = patterns ? findPatterns(site.value) : [];
      if (hits.length === 0 && patternHits.length === 0) return;
      const where = { path: site.path(), nodeId: site.nodeId };
      for (const hit of hits) {
        foundCanaries.add(hit.canary);
        push(makeFinding(base, where, 'canary', hit.canary.kind, hit.canary.value, hit.encoding, hit.canary.label));
      }
      for (const hit of patternHits) {
        if (allowed(hit.value)) continue;
        const lower = hit.value.toLowerCase();
        // A planted value already reported here is not reported again as an unplanted one.
        if (hits.some((h) => h.canary.value.toLowerCase().includes(lower) || lower.includes(h.canary.value.toLowerCase()))) continue;
        push(makeFinding(base, where, hit.detector, hit.kind, hit.value, 'plain'));
      }
    });

    if (matcher.canaries.length === 0) return findings;

    // Split values: across sibling text nodes or inline elements within one serialized subtree...
    const roots: { node: SerializedNode; path: string }[] = [];
    if (e?.type === 2 && e.data?.node) roots.push({ node: e.data.node as SerializedNode, path: 'data.node' });
    if (e?.type === 3 && e.data?.source === 0 && Array.isArray(e.data.adds)) {
      (e.data.adds as { parentId?: number; node?: SerializedNode }[]).forEach((add, i) => {
        if (!add.node) return;
        roots.push({ node: add.node, path: `data.adds[${i}].node` });
        // ...and across events: text streamed into the same parent piece by piece.
        if (add.node.type === 3 && !add.node.isStyle && typeof add.parentId === 'number' && add.node.textContent) {
          const buffer = ((streamed.get(add.parentId) ?? '') + add.node.textContent).slice(-SPLIT_BUFFER);
          streamed.set(add.parentId, buffer);
          for (const hit of matcher.search(buffer)) {
            const key = `${add.parentId}|${hit.canary.value}`;
            if (foundCanaries.has(hit.canary) || streamedFound.has(key) || allowed(hit.canary.value)) continue;
            streamedFound.add(key);
            foundCanaries.add(hit.canary);
            push(makeFinding(base, { path: `data.adds[${i}].node.textContent`, nodeId: add.parentId }, 'canary', hit.canary.kind, hit.canary.value, 'split', hit.canary.label));
          }
        }
      });
    }
    for (const root of roots) {
      const texts = new Map<SerializedNode, string>();
      visibleText(root.node, texts);
      for (const [node, text] of texts) {
        for (const hit of matcher.search(text)) {
          if (foundCanaries.has(hit.canary) || allowed(hit.canary.value)) continue;
          foundCanaries.add(hit.canary);
          push(makeFinding(base, { path: `${root.path} (text of node ${node.id})`, nodeId: node.id }, 'canary', hit.canary.kind, hit.canary.value, 'split', hit.canary.label));
        }
      }
    }
    return findings;
  }

  return {
    scanEvent,
    finish: () => [],
    get eventsScanned() {
      return eventsScanned;
    },
  };
}

/** Scans a whole recording held in memory. */
export function scanEvents(events: readonly unknown[], options: ScanOptions): Finding[] {
  const scanner = createScanner(options);
  const findings = events.flatMap((event, index) => scanner.scanEvent(event, index));
  return [...findings, ...scanner.finish()];
}
