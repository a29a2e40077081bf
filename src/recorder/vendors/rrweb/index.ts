import type { RrwebRecorderConfig } from '../../../config/recorder-config.ts';
import type { VendorDescriptor } from '../descriptor.ts';
import { ingestMatcher } from '../../observe/ingest-matcher.ts';
import { RrwebAdapter } from '../../rrweb-adapter.ts';
import { decodeRrwebBody } from './ingest-body.ts';
import { rrwebConfigSchema } from '../../../config/recorder-config.schema.ts';
import { parseRrwebConfig } from './config.ts';
import { rrwebSelectors, rrwebSettings } from './privacy.ts';
import { rrwebReaders } from './readers.ts';

/**
 * rrweb. Inject mode: rrweb's record() wrapped by maskproof's recorder policy (../../rrweb-adapter.ts).
 * Observe mode: rrweb in the app's own pages, posting to the app's own endpoint (`ingest.url`, required).
 */
export const rrwebVendor: VendorDescriptor<RrwebRecorderConfig> = {
  kind: 'rrweb',
  label: 'rrweb',
  configSchema: rrwebConfigSchema,
  parseConfig: parseRrwebConfig,
  observe: {
    ingestUrlRequired: true,
    matcher: (config) => ingestMatcher(config.ingest?.url ?? ''),
    decode: (request, config) => decodeRrwebBody(request.body, request.headers['content-encoding'], config.ingest?.format),
  },
  inject: (config, session) => new RrwebAdapter(config, session),
  capabilities: ({ policy }) => ({ routeBlocking: true, networkRecording: policy.network.record, errorRecording: policy.errors.record }),
  noRouteBlocking: () => 'the recorder cannot be told to leave routes unrecorded',
  // maskproof's wrapper enforces the config's collection policy (consent, sampling, opt-out, URLs).
  collectionWindow: 'policy',
  readers: rrwebReaders,
  privacySelectors: rrwebSelectors,
  privacySettings: rrwebSettings,
};
