import { readFileSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../errors.ts';
import type { ClassifiedElement, DriftBaseline, RouteInventory } from './types.ts';

/** The current state as a baseline: routes and elements sorted, so a diff of two baselines reads well. */
export function toBaseline(inventories: readonly RouteInventory[], classified: readonly ClassifiedElement[]): DriftBaseline {
  const routes: DriftBaseline['routes'] = {};
  for (const inventory of [...inventories].sort((a, b) => a.route.localeCompare(b.route))) {
    const elements = classified
      .filter((e) => e.route === inventory.route)
      .map(({ selector, kind, status }) => ({ selector, kind, status }))
      .sort((a, b) => a.selector.localeCompare(b.selector) || a.kind.localeCompare(b.kind));
    routes[inventory.route] = { risk: inventory.risk, elements };
  }
  return { version: 1, routes };
}

/** Pretty JSON with one element per line: a new unprotected field is a one-line diff in review. */
export function serializeBaseline(baseline: DriftBaseline): string {
  const routes = Object.entries(baseline.routes).map(([route, { risk, elements }]) => {
    const lines = elements.map((e) => `        ${JSON.stringify(e)}`).join(',\n');
    return `    ${JSON.stringify(route)}: {\n      "risk": ${JSON.stringify(risk)},\n      "elements": [\n${lines}\n      ]\n    }`;
  });
  return `{\n  "version": 1,\n  "routes": {\n${routes.join(',\n')}\n  }\n}\n`;
}

export function writeBaseline(file: string, baseline: DriftBaseline): void {
  writeFileSync(file, serializeBaseline(baseline));
}

export function readBaseline(file: string): DriftBaseline {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`baseline ${file} could not be read: ${(error as Error).message}`, 'Record one with `maskproof audit --update-baseline`.');
  }
  const baseline = raw as Partial<DriftBaseline>;
  if (baseline.version !== 1 || typeof baseline.routes !== 'object' || baseline.routes === null) {
    throw new ConfigError(`baseline ${file} is not a maskproof drift baseline (version 1)`, 'Record one with `maskproof audit --update-baseline`.');
  }
  return baseline as DriftBaseline;
}

/** Violations the baseline did not already record as unprotected: what shipped since. */
export function newViolations(classified: readonly ClassifiedElement[], baseline: DriftBaseline): ClassifiedElement[] {
  const known = new Set<string>();
  for (const [route, { elements }] of Object.entries(baseline.routes)) {
    for (const e of elements) if (e.status === 'unprotected') known.add(`${route}\u0000${e.selector}`);
  }
  return classified.filter((e) => e.violation && !known.has(`${e.route}\u0000${e.selector}`));
}
