import type { TestInfo } from '@playwright/test';
import type { Maskproof } from '../fixture/index.ts';
import type { ConfigRole, LeakVector } from './catalog.ts';
import { type PlantedValues, vectorCanaries } from './planted.ts';
import { judgeRecording } from './judge.ts';
import { RECORDER_ROLE, type RecorderRow, judgeUnderRecorder } from './recorder-matrix.ts';
import type { VectorVerdict } from './verdict.ts';

/** Ties a Playwright test to a cell of the matrix, so a crashed test still has its row. */
export const ANNOTATION_VECTOR = 'maskproof:vector';
/** The VectorVerdict (JSON) attached to each vector test. */
export const ATTACHMENT_VECTOR = 'maskproof-vector';
/** The vector's planted values as canaries: the reporter scrubs them from anything it prints. */
export const ATTACHMENT_VECTOR_CANARIES = 'maskproof-vector-canaries';
/** The RecorderRow (JSON) of a vector run under `matrix --recorder`'s one config. */
export const ATTACHMENT_RECORDER_ROW = 'maskproof-vector-recorder-row';

export function vectorDetails(vector: LeakVector, role: ConfigRole) {
  return { annotation: { type: ANNOTATION_VECTOR, description: `${vector.id}:${role}` }, tag: [`@vector-${vector.id}`, `@${role}`] };
}

/** Scans everything the recorder sent for the vector's planted values (and structure), attaches the verdict. */
export async function auditVector(maskproof: Maskproof, vector: LeakVector, role: ConfigRole, planted: PlantedValues, testInfo: TestInfo): Promise<VectorVerdict> {
  const canaries = vectorCanaries(vector.id, planted);
  await testInfo.attach(ATTACHMENT_VECTOR_CANARIES, { body: JSON.stringify(canaries), contentType: 'application/json' });
  const verdict = judgeRecording(vector, role, await maskproof.recording(), canaries);
  await testInfo.attach(ATTACHMENT_VECTOR, { body: JSON.stringify(verdict), contentType: 'application/json' });
  return verdict;
}

export function recorderVectorDetails(vector: LeakVector) {
  return { annotation: { type: ANNOTATION_VECTOR, description: `${vector.id}:${RECORDER_ROLE}` }, tag: [`@vector-${vector.id}`, `@${RECORDER_ROLE}`] };
}

/** `matrix --recorder`: scans what the one config's recorder sent for the vector's planted values, attaches the row. */
export async function auditVectorUnderRecorder(maskproof: Maskproof, vector: LeakVector, planted: PlantedValues, testInfo: TestInfo): Promise<RecorderRow> {
  const canaries = vectorCanaries(vector.id, planted);
  await testInfo.attach(ATTACHMENT_VECTOR_CANARIES, { body: JSON.stringify(canaries), contentType: 'application/json' });
  const row = judgeUnderRecorder(vector, maskproof.config, await maskproof.recording(), canaries);
  await testInfo.attach(ATTACHMENT_RECORDER_ROW, { body: JSON.stringify(row), contentType: 'application/json' });
  return row;
}
