import { readFileSync } from 'node:fs';
import type { CapturedRecording } from '../../../src/capture/recording-capture.ts';
import { createSyntheticData } from '../../../src/data/synthetic-data.ts';
import { type ConfigRole, type VectorId, vectorById } from '../../../src/vectors/catalog.ts';
import { plantedValues } from '../../../src/vectors/planted.ts';

/** A cell of a real matrix run (fixtures/recordings/vectors/, kept by capture.ts there). */
export interface RecordedCell {
  vector: VectorId;
  role: ConfigRole;
  config: string;
  seed: number;
  scope: string;
  recording: CapturedRecording;
}

export function recordedCell(vector: VectorId, role: ConfigRole) {
  const cell = JSON.parse(readFileSync(new URL(`../../../fixtures/recordings/vectors/${vector}-${role}.json`, import.meta.url), 'utf8')) as RecordedCell;
  // The planted values come back from the seed and scope the run used, as the journey made them.
  const planted = plantedValues(vector, createSyntheticData(cell.seed, cell.scope));
  return { ...cell, planted, definition: vectorById(vector)! };
}
