export type { ClassifiedElement, DriftBaseline, DriftElementResult, DriftResult, ElementFacts, ProtectionStatus, RouteInventory } from '../contract/drift.ts';

export const DRIFT_DIR = 'drift';
