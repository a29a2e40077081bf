import { ENCODING_RANK } from './canary-match.ts';
import type { PreparedCanary } from './canary-patterns.ts';
import type { PatternHit } from './patterns/index.ts';
import { redact, sha256 } from './redact.ts';
import type { Encoding, Finding } from './types.ts';

/** The event a finding comes from. */
export interface EventContext {
  eventIndex: number;
  eventType: number;
  eventSource: number | undefined;
}

/** Where in the event. */
export interface Place {
  path: string;
  nodeId: number | undefined;
}

function finding(detector: Finding['detector'], kind: string, ctx: EventContext, place: Place, encoding: Encoding, redacted: string, hash: string, label: string | undefined): Finding {
  return {
    detector,
    kind,
    eventIndex: ctx.eventIndex,
    eventType: ctx.eventType,
    ...(ctx.eventSource !== undefined ? { eventSource: ctx.eventSource } : {}),
    path: place.path,
    ...(place.nodeId !== undefined ? { nodeId: place.nodeId } : {}),
    encoding,
    redacted,
    sha256: hash,
    ...(label !== undefined ? { label } : {}),
  };
}

/**
 * Findings of one event, deduplicated: a canary once per path (its most direct encoding kept), a
 * pattern value once per path. Redaction and hashing happen once per canary, not once per finding.
 */
export class FindingCollector {
  private findings: Finding[] = [];
  private readonly byKey = new Map<string, Finding>();
  private readonly canaryDigests = new Map<PreparedCanary, { redacted: string; sha256: string }>();

  canaryFinding(c: PreparedCanary, encoding: Encoding, place: Place, ctx: EventContext): Finding {
    let digest = this.canaryDigests.get(c);
    if (!digest) {
      digest = { redacted: redact(c.value, c.canary.kind), sha256: sha256(c.value) };
      this.canaryDigests.set(c, digest);
    }
    return finding('canary', c.canary.kind, ctx, place, encoding, digest.redacted, digest.sha256, c.canary.label);
  }

  addCanary(c: PreparedCanary, index: number, encoding: Encoding, place: Place, ctx: EventContext): void {
    const key = `c${index}|${place.path}`;
    const existing = this.byKey.get(key);
    if (existing) {
      if (ENCODING_RANK[encoding] < ENCODING_RANK[existing.encoding]) existing.encoding = encoding;
      return;
    }
    const added = this.canaryFinding(c, encoding, place, ctx);
    this.byKey.set(key, added);
    this.findings.push(added);
  }

  addPattern(hit: PatternHit, encoding: Encoding, place: Place, ctx: EventContext): void {
    const hash = sha256(hit.value);
    const key = `p${hit.detector}|${hit.kind}|${hash}|${place.path}`;
    if (this.byKey.has(key)) return;
    const added = finding(hit.detector, hit.kind, ctx, place, encoding, redact(hit.value, hit.kind), hash, undefined);
    this.byKey.set(key, added);
    this.findings.push(added);
  }

  /** The event's findings, canaries first; the collector is empty afterwards. */
  take(): Finding[] {
    const out = this.findings;
    if (out.length === 0) return [];
    this.findings = [];
    this.byKey.clear();
    if (out.length > 1) out.sort((a, b) => (a.detector === 'canary' ? 0 : 1) - (b.detector === 'canary' ? 0 : 1));
    return out;
  }
}
