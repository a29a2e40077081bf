import type { eventWithTime } from '@rrweb/types';
import { scanEvents } from '../detect/index.ts';
import type { Canary } from '../detect/types.ts';
import { type ConfigRole, type LeakVector, type VectorId, configOf, expectedOutcome } from './catalog.ts';
import type { StructuralFinding } from './structure.ts';

export type { Outcome, VectorFinding } from '../contract/matrix.ts';
import type { Outcome, VectorFinding } from '../contract/matrix.ts';

/** What one vector showed under one recorder config. */
export interface VectorVerdict {
  vector: VectorId;
  role: ConfigRole;
  config: string;
  configPath: string;
  expected: Outcome;
  actual: Outcome;
  /** At least one finding names the vector's own path (a leak elsewhere does not count as catching it). */
  pathNamed: boolean;
  findings: VectorFinding[];
  limitation?: string;
  mistake?: string;
}

/** Findings kept per row: enough to see every part that leaked, without copying the recording. */
const MAX_FINDINGS = 25;

/** Planted values found in the events, as vector findings (one per value and path). */
export function plantedFindings(events: readonly eventWithTime[], canaries: readonly Canary[]): VectorFinding[] {
  const seen = new Set<string>();
  const out: VectorFinding[] = [];
  for (const f of scanEvents([...events], { canaries: [...canaries], patterns: false })) {
    const key = `${f.label}|${f.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ detector: 'canary', label: f.label ?? f.kind, eventIndex: f.eventIndex, eventType: f.eventType, path: f.path, encoding: f.encoding, redacted: f.redacted });
  }
  return out;
}

function rank(vector: LeakVector, finding: VectorFinding): number {
  return (vector.leakPath.test(finding.path) ? 0 : 2) + (finding.encoding === undefined || finding.encoding === 'plain' ? 0 : 1);
}

/**
 * The vector's verdict: caught when anything was found, and whether a finding names the vector's path.
 * Pure: the same events, canaries and structural findings always give the same verdict.
 */
export function decideVector(vector: LeakVector, role: ConfigRole, found: { planted: VectorFinding[]; structural?: StructuralFinding[] }): VectorVerdict {
  const structural: VectorFinding[] = (found.structural ?? []).map((s) => ({ detector: 'structure', label: s.label, eventIndex: s.eventIndex, eventType: s.eventType, path: s.path }));
  const findings = [...structural, ...found.planted];
  const config = configOf(vector, role);
  return {
    vector: vector.id,
    role,
    config: config.name,
    configPath: config.path,
    expected: expectedOutcome(vector, role),
    actual: findings.length > 0 ? 'caught' : 'clean',
    pathNamed: findings.some((f) => vector.leakPath.test(f.path)),
    // Findings at the vector's own path first (they are the proof), plainly written ones before encoded.
    findings: findings.sort((a, b) => rank(vector, a) - rank(vector, b)).slice(0, MAX_FINDINGS),
    ...(vector.limitation ? { limitation: vector.limitation } : {}),
    ...(role === 'leaky' ? { mistake: vector.leaky.mistake } : {}),
  };
}
