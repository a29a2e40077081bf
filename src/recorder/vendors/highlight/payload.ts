import { gunzipSync } from 'node:zlib';
import type { eventWithTime } from '@rrweb/types';
import { PayloadDecodeError } from '../decode-error.ts';

/**
 * What highlight.run 10.7.5 sends (read in its source, dist/*.js.map, and captured in
 * fixtures/vendor-payloads/highlight/):
 *
 * - GraphQL POSTs to `backendUrl` (default https://pub.highlight.io), JSON `{query, variables,
 *   operationName}` (graphql-request). `initializeSession` first: recording starts only once it is
 *   answered with the session's `secure_id` and a `project_id` (client/index.tsx `initialize`).
 * - `PushSessionEvents` from its Web Worker (workers/highlight-client-worker.ts), 1 s after start and
 *   then every 2 s: `variables.data` is base64 of fflate `compressSync` (= gzip) of the JSON
 *   PushPayload variables: `events.events` (rrweb events), `messages` (a JSON string: console
 *   messages), `resources` (a JSON string: PerformanceResourceTiming entries, full URLs, with
 *   `requestResponsePair` headers/bodies when networkRecording.recordHeadersAndBody), `errors`,
 *   `web_socket_events`, `highlight_logs`. `sendMode: 'local'` posts the same from the page.
 * - `PushPayload` (older clients): the same variables uncompressed.
 * - `identifySession` (identify()'s user id and object), `addSessionProperties`, `pushMetrics`,
 *   `addSessionFeedback`: kept whole.
 * - OpenTelemetry to `otlpEndpoint` (default https://otel.highlight.io): `/v1/traces`, `/v1/metrics`
 *   (and `/v1/logs`), OTLP JSON, gzip or plain: network spans with full URLs, and request/response
 *   headers and bodies when recordHeadersAndBody is on. Kept whole.
 */

export interface GraphqlRequest {
  operationName: string;
  variables: Record<string, unknown>;
}

/** What one PushSessionEvents/PushPayload carried, every part but the rrweb events kept for scanning. */
export interface HighlightPush {
  operation: string;
  events: eventWithTime[];
  sessionSecureId: unknown;
  payloadId: unknown;
  messages: unknown[];
  resources: unknown[];
  errors: unknown[];
  webSocketEvents: unknown[];
  rest: Record<string, unknown>;
  /** Bytes of the compressed (base64) data field, and of the JSON it inflates to. */
  compressedBytes?: number;
  jsonBytes: number;
}

export type DecodedHighlightRequest =
  | { kind: 'graphql'; operation: string; variables: Record<string, unknown>; push?: HighlightPush }
  | { kind: 'otlp'; signal: string; payload: unknown; encoding: 'gzip' | 'json' };

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadDecodeError(`${what} is not JSON`);
  }
}

function isGzip(body: Buffer): boolean {
  return body.length > 2 && body[0] === 0x1f && body[1] === 0x8b;
}

/** The operation name of a GraphQL document: `mutation PushSessionEvents(...)` → PushSessionEvents. */
export function operationOf(body: { operationName?: unknown; query?: unknown }): string {
  if (typeof body.operationName === 'string' && body.operationName) return body.operationName;
  const match = typeof body.query === 'string' ? /\b(?:mutation|query)\s+([A-Za-z_][\w]*)/.exec(body.query) : null;
  if (!match) throw new PayloadDecodeError('GraphQL request without an operation name');
  return match[1]!;
}

export function parseGraphqlBody(body: Buffer): GraphqlRequest {
  const json = parseJson(body.toString('utf8'), 'Highlight GraphQL request body') as { operationName?: unknown; query?: unknown; variables?: unknown };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new PayloadDecodeError('Highlight GraphQL request body is not one operation');
  const variables = json.variables;
  if (typeof variables !== 'object' || variables === null) throw new PayloadDecodeError(`GraphQL ${operationOf(json)} without variables`);
  return { operationName: operationOf(json), variables: variables as Record<string, unknown> };
}

/** A string field that holds JSON (`messages`, `resources`): its list, under `key`. */
function listField(value: unknown, key: string, what: string): unknown[] {
  if (value === undefined || value === null || value === '') return [];
  const parsed = typeof value === 'string' ? parseJson(value, `PushPayload ${what}`) : value;
  const list = (parsed as Record<string, unknown> | null)?.[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw new PayloadDecodeError(`PushPayload ${what} has no ${key} list`);
  return list;
}

function isEvent(value: unknown): value is eventWithTime {
  const event = value as { type?: unknown; timestamp?: unknown } | null;
  return typeof event === 'object' && event !== null && typeof event.type === 'number' && typeof event.timestamp === 'number';
}

/** The PushPayload variables (inflated from `data`, or as PushPayload sends them). */
export function pushOfVariables(operation: string, payload: Record<string, unknown>, sizes: { compressedBytes?: number; jsonBytes: number }): HighlightPush {
  const events = (payload.events as { events?: unknown } | undefined)?.events;
  if (!Array.isArray(events)) throw new PayloadDecodeError(`${operation} payload has no events.events list`);
  events.forEach((event, index) => {
    if (!isEvent(event)) throw new PayloadDecodeError(`${operation} event #${index} is not an rrweb event`);
  });
  const { events: _events, messages, resources, errors, web_socket_events, session_secure_id, payload_id, ...rest } = payload;
  if (errors !== undefined && errors !== null && !Array.isArray(errors)) throw new PayloadDecodeError(`${operation} errors is not a list`);
  return {
    operation,
    events: events as eventWithTime[],
    sessionSecureId: session_secure_id,
    payloadId: payload_id,
    messages: listField(messages, 'messages', 'messages'),
    resources: listField(resources, 'resources', 'resources'),
    errors: (errors as unknown[] | undefined) ?? [],
    webSocketEvents: listField(web_socket_events, 'webSocketEvents', 'web_socket_events'),
    rest,
    ...sizes,
  };
}

/** PushSessionEvents' `data`: base64 of gzip (fflate compressSync) of the PushPayload variables as JSON. */
export function inflatePushData(data: unknown): { payload: Record<string, unknown>; compressedBytes: number; jsonBytes: number } {
  if (typeof data !== 'string' || data.length === 0) throw new PayloadDecodeError('PushSessionEvents without a data string');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(data)) throw new PayloadDecodeError('PushSessionEvents data is not base64');
  const bytes = Buffer.from(data, 'base64');
  let json: Buffer;
  try {
    json = gunzipSync(bytes);
  } catch (error) {
    throw new PayloadDecodeError(`PushSessionEvents data does not gunzip (${(error as Error).message})`);
  }
  const payload = parseJson(json.toString('utf8'), 'PushSessionEvents data');
  if (typeof payload !== 'object' || payload === null) throw new PayloadDecodeError('PushSessionEvents data is not an object');
  return { payload: payload as Record<string, unknown>, compressedBytes: bytes.length, jsonBytes: json.length };
}

/** The OTLP signal of a path on the OpenTelemetry endpoint (`/v1/traces` → traces), else undefined. */
export function otlpSignal(pathname: string): string | undefined {
  return /\/v1\/(traces|metrics|logs)\/?$/.exec(pathname)?.[1];
}

/** One request the SDK made to its backend or its OpenTelemetry endpoint. */
export function decodeHighlightRequest(url: string, body: Buffer | null): DecodedHighlightRequest {
  if (!body || body.length === 0) throw new PayloadDecodeError(`Highlight request to ${new URL(url).pathname} without a body`);
  const signal = otlpSignal(new URL(url).pathname);
  if (signal) {
    const gzip = isGzip(body);
    let text: string;
    try {
      text = (gzip ? gunzipSync(body) : body).toString('utf8');
    } catch (error) {
      throw new PayloadDecodeError(`OTLP ${signal} body does not gunzip (${(error as Error).message})`);
    }
    return { kind: 'otlp', signal, payload: parseJson(text, `OTLP ${signal} body (maskproof reads OTLP JSON, not protobuf)`), encoding: gzip ? 'gzip' : 'json' };
  }
  const { operationName, variables } = parseGraphqlBody(body);
  if (operationName === 'PushSessionEvents') {
    const { payload, compressedBytes, jsonBytes } = inflatePushData(variables.data);
    return { kind: 'graphql', operation: operationName, variables: { ...variables, data: `(${compressedBytes} bytes, decoded)` }, push: pushOfVariables(operationName, payload, { compressedBytes, jsonBytes }) };
  }
  if (operationName === 'PushPayload') {
    return { kind: 'graphql', operation: operationName, variables: {}, push: pushOfVariables(operationName, variables, { jsonBytes: body.length }) };
  }
  return { kind: 'graphql', operation: operationName, variables };
}

/** The project id the harness answers initializeSession with (any non-zero id starts recording). */
export const LOCAL_PROJECT_ID = '7';

/**
 * The JSON body Highlight's backend answers a GraphQL operation with. initializeSession: the session's
 * own secure id back, a project id, no span sampling (client/index.tsx checks both ids, else stops with
 * "Failed to initialize Highlight"). Every other operation gets a null/zero result, as the server's.
 */
export function graphqlReply(operation: string, variables: Record<string, unknown>): string {
  if (operation === 'initializeSession') {
    return JSON.stringify({ data: { initializeSession: { secure_id: variables.session_secure_id, project_id: LOCAL_PROJECT_ID, sampling: { spans: [], logs: [] } } } });
  }
  const field = operation.charAt(0).toLowerCase() + operation.slice(1);
  const value = operation === 'PushSessionEvents' || operation === 'PushPayload' || operation === 'pushMetrics' ? 0 : null;
  return JSON.stringify({ data: { [field]: value } });
}
