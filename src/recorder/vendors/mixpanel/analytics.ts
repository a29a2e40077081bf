import { PayloadDecodeError } from '../decode-error.ts';

/**
 * A Mixpanel analytics request (/track, /engage, /groups; mixpanel-core.js _send_request): a form
 * body `data=<payload>` where the payload is base64 JSON (api_payload_format base64, the default) or
 * JSON, or the same in the query for GET. Returns the JSON (the events or profile updates sent).
 */
export function decodeMixpanelAnalytics(body: Buffer | null, url: URL): unknown {
  const form = new URLSearchParams(body && body.length > 0 ? body.toString('utf8') : url.search);
  const data = form.get('data');
  if (data === null) throw new PayloadDecodeError(`${url.pathname} request without a data= payload`);
  const text = /^\s*[[{]/.test(data) ? data : Buffer.from(data, 'base64').toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadDecodeError(`${url.pathname} data= payload is neither JSON nor base64 JSON`);
  }
}
