import type { TestInfo } from '@playwright/test';
import type { Maskproof } from '../fixture/index.ts';
import type { ConfigRole, LeakVector } from './catalog.ts';
import { type PlantedValues, vectorCanaries } from './planted.ts';
import { judgeRecording } from './judge.ts';
import type { VectorVerdict } from './verdict.ts';

export { ANNOTATION_VECTOR, ATTACHMENT_VECTOR, ATTACHMENT_VECTOR_CANARIES } from '../contract/names.ts';
import { ANNOTATION_VECTOR, ATTACHMENT_VECTOR, ATTACHMENT_VECTOR_CANARIES } from '../contract/names.ts';

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
