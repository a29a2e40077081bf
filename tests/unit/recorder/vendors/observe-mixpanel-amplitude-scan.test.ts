import { readFileSync } from 'node:fs';
import { EventType, type eventWithTime } from '@rrweb/types';
import { describe, expect, it } from 'vitest';
import type { Canary } from '../../../../src/detect/types.ts';
import { decodeObservedAmplitude } from '../../../../src/recorder/vendors/amplitude/observe.ts';
import type { ObservedDecoded } from '../../../../src/recorder/vendors/descriptor.ts';
import { decodeObservedMixpanel } from '../../../../src/recorder/vendors/mixpanel/observe.ts';
import { plantedValuesFound } from '../../../../src/verdict/leaks.ts';
import { unplantedFindings } from '../../../../src/verdict/recording-checks.ts';

// The audits' own scanners on what the two decoders make of the real captured payloads: the typed
// values (fixtures/vendor-payloads/<vendor>/capture.mjs) are the canaries.
const canaries: Canary[] = [
  { kind: 'fullName', value: 'Ada Quill', label: 'full name' },
  { kind: 'email', value: 'ada.quill@example.test', label: 'email' },
  { kind: 'streetAddress', value: 'Ring twice at 42 Harbour Lane', label: 'delivery note' },
  { kind: 'card', value: '4111 1111 1111 1111', label: 'card' },
];

function decoded(vendor: 'mixpanel' | 'amplitude', name: string): eventWithTime[] {
  const record = JSON.parse(readFileSync(`fixtures/vendor-payloads/${vendor}/${name}.json`, 'utf8')) as { url: string; bodyBase64: string; headers: Record<string, string> };
  const request = { url: record.url, body: Buffer.from(record.bodyBase64, 'base64'), headers: record.headers };
  const result: ObservedDecoded = vendor === 'mixpanel' ? decodeObservedMixpanel(request) : decodeObservedAmplitude(request);
  // As scannableEvents does: the metadata is scanned as a custom event beside the rrweb events.
  return result.batches.flatMap((batch) => [...batch.events, { type: EventType.Custom, timestamp: 0, data: { tag: 'metadata', payload: batch.metadata } } as eventWithTime]);
}

const foundLabels = (events: eventWithTime[]) => [...new Set(plantedValuesFound(events, canaries).map((f) => f.label))].sort();

describe('leak scan of decoded Mixpanel and Amplitude payloads', () => {
  it('Mixpanel defaults: nothing typed is found; the leaky build: the name and the note are', () => {
    expect(foundLabels(decoded('mixpanel', 'record-gzip-default'))).toEqual([]);
    expect(foundLabels(decoded('mixpanel', 'record-gzip-leaky'))).toEqual(['delivery note', 'full name']);
  });

  it('Amplitude defaults ("medium") leak the name the page shows back; light and the leaky remote config leak the typed fields', () => {
    expect(foundLabels(decoded('amplitude', 'track-gzip-default'))).toEqual(['full name']);
    expect(foundLabels(decoded('amplitude', 'track-gzip-leaky'))).toEqual(['delivery note', 'full name']);
    expect(foundLabels(decoded('amplitude', 'track-gzip-remote-leaky'))).toEqual(['delivery note', 'full name']);
  });

  it("the remote config is the leak: the same code ('conservative') alone sends nothing typed; served a remote 'light', it sends the name and the note", () => {
    const codeOnly = decoded('amplitude', 'track-gzip-conservative');
    // The capture holds the typed input events, masked (not an empty batch that would pass anything).
    expect(codeOnly.some((e) => e.type === EventType.IncrementalSnapshot && (e.data as { source?: number }).source === 5)).toBe(true);
    expect(foundLabels(codeOnly)).toEqual([]);
    expect(foundLabels(decoded('amplitude', 'track-gzip-remote-leaky'))).toEqual(['delivery note', 'full name']);
  });

  it('what the SDKs send beside the events (ids, page URL, Amplitude\'s config event with its client key) raises no unplanted finding', () => {
    for (const [vendor, name] of [['mixpanel', 'record-gzip-default'], ['amplitude', 'track-gzip-default']] as const) {
      expect(unplantedFindings(decoded(vendor, name), { canaries }), `${vendor}/${name}`).toEqual([]);
    }
  });
});
