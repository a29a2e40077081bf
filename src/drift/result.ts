import type { ClassifiedElement, DriftResult, RouteInventory } from '../contract/drift.ts';

/** The drift audit's section of the result model, from what the audit classified. */
export function driftResult(input: {
  startedAt: number;
  recorder: string;
  baseline: string | undefined;
  inventories: readonly RouteInventory[];
  classified: readonly ClassifiedElement[];
  failing: ReadonlySet<ClassifiedElement>;
  routeProblems: readonly string[];
  configuredRoutes: number;
  partial: boolean;
}): DriftResult {
  return {
    startedAt: new Date(input.startedAt).toISOString(),
    durationMs: Date.now() - input.startedAt,
    recorder: input.recorder,
    ...(input.baseline !== undefined ? { baseline: input.baseline } : {}),
    routes: input.inventories.map((i) => ({ route: i.route, risk: i.risk })),
    elements: input.classified.map((e) => ({ ...e, failing: input.failing.has(e) })),
    routeProblems: [...input.routeProblems],
    ...(input.partial ? { partial: { audited: input.inventories.length, configured: input.configuredRoutes } } : {}),
  };
}
