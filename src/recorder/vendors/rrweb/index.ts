import type { VendorDescriptor } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/observe-config.ts';
import { decodeRrwebBody } from './ingest-body.ts';

/** rrweb in the app's own pages, posting to the app's own endpoint (`ingest.url`, required). */
export const rrwebVendor: VendorDescriptor = {
  kind: 'rrweb',
  label: 'rrweb',
  observe: {
    ingestUrlRequired: true,
    matcher: (config) => ingestMatcher(config.ingest?.url ?? ''),
    decode: (request, config) => decodeRrwebBody(request.body, request.headers['content-encoding'], config.ingest?.format),
  },
};
