import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { eventWithTime } from '@rrweb/types';
import { canariesOf, createSyntheticData } from '../../../../src/data/synthetic-data.ts';
import type { Canary } from '../../../../src/detect/types.ts';
import { root } from '../../../helpers/run-cli.ts';

/** A request a real SDK made, captured by fixtures/vendor-payloads/capture.ts. */
export interface CapturedPayload {
  note: string;
  method: string;
  url: string;
  resourceType: string;
  body: Buffer;
}

export function loadPayload(vendor: 'sentry' | 'posthog', name: string): CapturedPayload {
  const raw = JSON.parse(readFileSync(join(root, 'fixtures/vendor-payloads', vendor, `${name}.json`), 'utf8')) as Omit<CapturedPayload, 'body'> & { bodyBase64: string };
  return { ...raw, body: Buffer.from(raw.bodyBase64, 'base64') };
}

/** The values the capture planted (seed 7, scope "vendor-payloads"), by label. */
const canaries = canariesOf(createSyntheticData(7, 'vendor-payloads'));

export function canary(label: string): Canary {
  const found = canaries.find((c) => c.label === label);
  if (!found) throw new Error(`no canary ${label}`);
  return found;
}

/** Whether a planted value appears in a JSON rendering of `value` (a plain check, independent of the detection engine). */
export function contains(value: unknown, planted: Canary): boolean {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.toLowerCase().includes(planted.value.toLowerCase());
}

export function isRrwebEvent(event: eventWithTime): boolean {
  return typeof event.type === 'number' && typeof event.timestamp === 'number' && 'data' in event;
}
