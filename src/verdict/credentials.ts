import { EventType, type eventWithTime } from '@rrweb/types';
import { redact, sha256 } from '../detect/index.ts';
import type { Finding } from '../detect/types.ts';

/**
 * Credentials the app's own server issued, as a recorder wrote its network requests down: a value
 * under a credential's name in headers, cookies, query strings or JSON bodies. No journey planted
 * them and no pattern names them (an opaque `acme_…` session token reads like any other string),
 * so they are found by where they sit, not by what they look like.
 */

/** Header, field and parameter names that carry a credential whatever its format. */
const CREDENTIAL_NAME = /^(authorization|proxy-authorization|x-api-key|api[-_]?key|x-auth-token|auth[-_]?token|x-access-token|access[-_]?token|refresh[-_]?token|id[-_]?token|token|session[-_]?(id|token)?|sid|secret|client[-_]?secret|password|passwd|x-csrf-token|csrf[-_]?token|jwt|signature|sig)$/i;
/** Cookie names that carry one: anything naming a token, a session, auth or a secret. */
const CREDENTIAL_COOKIE = /(token|auth|session|sess|sid|secret|jwt|api[-_]?key)/i;
/** What a recorder writes in a credential's place when it scrubbed it. */
const SCRUBBED = /^(\[filtered\]|\[redacted\]|\[masked\]|redacted|filtered|masked|\*+|•+|x{3,}|)$/i;
/** The shortest value taken for a credential: shorter ones are flags and counters, not secrets. */
const MIN_LENGTH = 8;

function isCredentialValue(value: string): boolean {
  const text = value.replace(/^(bearer|basic|token)\s+/i, '').trim();
  return text.length >= MIN_LENGTH && !SCRUBBED.test(text);
}

interface Hit {
  name: string;
  value: string;
  path: string;
}

function queryHits(url: string, path: string, hits: Hit[]): void {
  const query = url.indexOf('?');
  if (query < 0) return;
  for (const [name, value] of new URLSearchParams(url.slice(query + 1).split('#')[0])) {
    if (CREDENTIAL_NAME.test(name) && isCredentialValue(value)) hits.push({ name: `?${name}=`, value, path });
  }
}

function cookieHits(header: string, path: string, hits: Hit[]): void {
  for (const pair of header.split(/;\s*|\n/)) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (CREDENTIAL_COOKIE.test(name) && isCredentialValue(value)) hits.push({ name: `cookie ${name}`, value, path });
  }
}

/** Walks one recorded request (iteratively: a body can nest deep) and collects credential hits. */
function walk(root: unknown, rootPath: string, hits: Hit[]): void {
  const stack: { value: unknown; path: string; key?: string }[] = [{ value: root, path: rootPath }];
  while (stack.length > 0) {
    const { value, path, key } = stack.pop()!;
    if (typeof value === 'string') {
      if (key && /^(cookie|cookies|set-cookie)$/i.test(key)) cookieHits(value, path, hits);
      else if (key && CREDENTIAL_NAME.test(key) && isCredentialValue(value)) hits.push({ name: key, value, path });
      queryHits(value, path, hits);
      // A JSON body written as text: its fields are fields too.
      if (/^\s*[{[]/.test(value) && value.length < 1_000_000) {
        try {
          stack.push({ value: JSON.parse(value) as unknown, path });
        } catch {
          // not JSON: already scanned as text
        }
      }
      continue;
    }
    if (Array.isArray(value)) value.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, key }));
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: `${path}.${k}`, key: k });
    }
  }
}

/** The events that hold recorded network requests (see recordedRequests for the shapes). */
function isNetworkEvent(event: eventWithTime): boolean {
  if (event.type === EventType.Custom) return event.data.tag === 'maskproof/network' || event.data.tag === 'performanceSpan';
  return event.type === EventType.Plugin && event.data.plugin === 'rrweb/network@1';
}

/** Credentials in the recording's network requests, as findings (redacted). */
export function recordedCredentials(events: readonly eventWithTime[]): Finding[] {
  const findings: Finding[] = [];
  events.forEach((event, eventIndex) => {
    if (!isNetworkEvent(event)) return;
    const hits: Hit[] = [];
    walk(event.data, 'data', hits);
    for (const hit of hits) {
      findings.push({
        detector: 'credential',
        kind: hit.name,
        eventIndex,
        eventType: event.type,
        path: hit.path,
        encoding: 'plain',
        redacted: redact(hit.value, 'token'),
        sha256: sha256(hit.value),
      });
    }
  });
  return findings;
}
