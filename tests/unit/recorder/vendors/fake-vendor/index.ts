import { EventType } from '@rrweb/types';
import type { RecordedRequest } from '../../../../../src/contract/recording.ts';
import type { ConfigBase, VendorDescriptor } from '../../../../../src/recorder/vendors/descriptor.ts';

/** A vendor folder as a new vendor would write it: one descriptor, nothing else in maskproof touched. */
export interface FakeRecorderConfig extends ConfigBase {
  recorder: 'fake';
  options: { maskAll?: boolean; recordNetwork?: boolean };
}

export const fakeVendor: VendorDescriptor<FakeRecorderConfig> = {
  kind: 'fake',
  label: 'Fake Replay',
  name: 'Fake',
  configSchema: {
    type: 'object',
    required: ['recorder'],
    additionalProperties: false,
    properties: {
      name: { type: 'string' },
      recorder: { const: 'fake' },
      options: { type: 'object', additionalProperties: false, properties: { maskAll: { type: 'boolean' }, recordNetwork: { type: 'boolean' } } },
    },
  },
  parseConfig: (raw: { options?: FakeRecorderConfig['options'] }, base) => ({ ...base, recorder: 'fake', options: raw.options ?? {} }),
  inject: () => {
    throw new Error('not started in unit tests');
  },
  capabilities: ({ options }) => ({ routeBlocking: false, networkRecording: options.recordNetwork ?? true, errorRecording: false }),
  noRouteBlocking: () => 'Fake Replay records every route',
  collectionWindow: 'app-code',
  readers: {
    // Its own network shape: custom "fake/req" events {verb, href}.
    requests: (events) =>
      events.flatMap((event, eventIndex): RecordedRequest[] => {
        if (event.type !== EventType.Custom || event.data.tag !== 'fake/req') return [];
        const { verb, href } = event.data.payload as { verb: string; href: string };
        return [{ method: verb, url: href, shape: 'fake/req', eventIndex }];
      }),
    errors: () => [],
  },
  privacySelectors: ({ options }) => ({ maskText: '.fake-mask', unmaskText: null, maskAllText: options.maskAll ?? false, maskInputs: 'all', ignoreInputs: null, block: '.fake-block', neverRecordOn: [] }),
  privacySettings: ({ options }) => [{ label: 'Page text', value: options.maskAll ? 'all masked' : 'recorded as shown' }],
};
