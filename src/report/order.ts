import { privacyCases } from '../contract/cases.ts';
import type { CaseResult } from '../contract/results.ts';

/** The rows in the privacy table's order, then by project and journey (never by which test finished first): one order for a run and for merged shards. */
export function orderCases(cases: CaseResult[]): CaseResult[] {
  const order = privacyCases.map((c) => c.id as string);
  return cases.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id) || a.project.localeCompare(b.project) || a.journey.localeCompare(b.journey));
}
