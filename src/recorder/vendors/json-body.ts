import { gunzipSync } from 'node:zlib';
import { PayloadDecodeError } from './decode-error.ts';

/** A vendor's JSON request body, gzipped or plain; PayloadDecodeError naming `what` when it is neither. */
export function inflatedJson(body: Buffer, gzip: boolean, what: string): unknown {
  let text: string;
  try {
    text = (gzip ? gunzipSync(body) : body).toString('utf8');
  } catch (error) {
    throw new PayloadDecodeError(`gzip body did not inflate: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new PayloadDecodeError(`${what} body is not JSON`);
  }
}
