import type { ErrorObject } from 'ajv';
import { describeFirstError, strictAjv } from '../config/ajv-errors.ts';
import { RecordingFormatError } from '../errors.ts';

/**
 * The envelope of an rrweb event, checked strictly enough to reject something that is not a recording,
 * and loosely inside serialized node trees and payloads (recorders and vendors add their own keys).
 */
export const rrwebEventSchema = {
  type: 'object',
  required: ['type', 'timestamp', 'data'],
  properties: {
    // EventType: DomContentLoaded 0 … Plugin 6, Asset 7, Annotation 8 (@rrweb/types)
    type: { type: 'integer', minimum: 0, maximum: 8 },
    timestamp: { type: 'number' },
    data: { type: 'object' },
  },
  allOf: [
    {
      // Meta
      if: { properties: { type: { const: 4 } } },
      then: {
        properties: {
          data: {
            type: 'object',
            required: ['href', 'width', 'height'],
            properties: { href: { type: 'string' }, width: { type: 'number' }, height: { type: 'number' } },
          },
        },
      },
    },
    {
      // FullSnapshot: only the root node's identity is checked, not the (large) tree under it.
      if: { properties: { type: { const: 2 } } },
      then: {
        properties: {
          data: {
            type: 'object',
            required: ['node', 'initialOffset'],
            properties: {
              node: { type: 'object', required: ['type', 'id'], properties: { type: { type: 'integer' }, id: { type: 'integer' } } },
              initialOffset: { type: 'object', required: ['top', 'left'], properties: { top: { type: 'number' }, left: { type: 'number' } } },
            },
          },
        },
      },
    },
    {
      // IncrementalSnapshot
      if: { properties: { type: { const: 3 } } },
      then: {
        properties: {
          data: { type: 'object', required: ['source'], properties: { source: { type: 'integer', minimum: 0, maximum: 16 } } },
        },
      },
    },
    {
      // Custom: rrweb.record.addCustomEvent(tag, payload)
      if: { properties: { type: { const: 5 } } },
      then: { properties: { data: { type: 'object', required: ['tag', 'payload'], properties: { tag: { type: 'string' }, payload: {} } } } },
    },
    {
      // Plugin: console, network and sequential-id plugins
      if: { properties: { type: { const: 6 } } },
      then: { properties: { data: { type: 'object', required: ['plugin', 'payload'], properties: { plugin: { type: 'string' }, payload: {} } } } },
    },
  ],
} as const;

const validate = strictAjv({ allErrors: false }).compile(rrwebEventSchema);

/** "/data/node/id" → "data.node.id"; the event itself is "(event)". */
const describe = (error: ErrorObject) => describeFirstError(error, { top: '(event)' });

/** Throws RecordingFormatError naming the event and the first thing wrong with it, if it is not an rrweb event. */
export function validateEvent(event: unknown, index: number, source?: string): void {
  if (validate(event)) return;
  // "if" only repeats that its "then" failed: report the real problem under it.
  const problem = (validate.errors ?? []).find((e) => e.keyword !== 'if') ?? validate.errors?.[0];
  const type = typeof (event as { type?: unknown } | null)?.type === 'number' ? ` (type ${(event as { type: number }).type})` : '';
  throw new RecordingFormatError(
    `${source ? `${source}: ` : ''}event ${index}${type} is not an rrweb event: ${problem ? describe(problem) : 'invalid'}`,
    'Pass an rrweb recording: a JSON array (or JSONL) of events, each with an integer "type", a "timestamp" and a "data" object.',
  );
}
