import type { TestInfo } from '@playwright/test';
import type { Maskproof } from '../fixture/index.ts';
import type { ConfigRole, LeakVector } from './catalog.ts';
import { type PlantedValues, vectorCanaries } from './planted.ts';
import { judgeRecording } from './judge.ts';
import { RECORDER_ROLE, type RecorderRow, judgeUnderRecorder } from './recorder-matrix.ts';
import type { VectorVerdict } from './verdict.ts';

export { ANNOTATION_VECTOR, ATTACHMENT_RECORDER_ROW, ATTACHMENT_VECTOR, ATTACHMENT_VECTOR_CANARIES } from '../contract/names.ts';
import { ANNOTATION_VECTOR, ATTACHMENT_RECORDER_ROW, ATTACHMENT_VECTOR, ATTACHMENT_VECTOR_CANARIES } from '../contract/names.ts';

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
