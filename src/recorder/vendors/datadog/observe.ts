import type { ObservedDecoded } from '../descriptor.ts';
import { PayloadDecodeError } from '../decode-error.ts';
import type { VendorMetadata } from '../vendor-metadata.ts';
import { datadogIntake, decodeEventsBody, decodeReplayBody } from './payload.ts';
import { splitRumEvents } from './rum-events.ts';
import { DatadogTranslator } from './translate.ts';

/** Datadog's intake hosts: `browser-intake-<site>` (browser-intake-datadoghq.com, -us5-datadoghq.com, -datadoghq.eu…). */
export function isDatadogIntake(url: URL): boolean {
  return /^browser-intake-[a-z0-9-]+\.[a-z]+$/.test(url.hostname) && datadogIntake(url.href) !== undefined;
}

/**
 * Observe mode: one request the app's own Datadog SDK sent, to Datadog's intake or through its
 * `proxy` (`?ddforward=`). Replay segments become rrweb events (one translator per session: the string
 * table and node ids carry over between segments), RUM and logs batches as for inject mode
 * (./datadog-adapter.ts). The reply is the intake's: 202 with an empty JSON body.
 */
export function createDatadogObserveDecoder(): (request: { url: string; body: Buffer | null }) => ObservedDecoded {
  const translators = new Map<string, DatadogTranslator>();
  return ({ url, body }) => {
    const intake = datadogIntake(url);
    if (!intake) throw new PayloadDecodeError(`not a Datadog intake request: ${new URL(url).pathname}`);
    if (!body || body.length === 0) throw new PayloadDecodeError(`${intake.track} request without a body`);
    if (intake.track === 'replay') {
      const segment = decodeReplayBody(body);
      const session = String((segment.metadata.session as { id?: unknown } | undefined)?.id ?? '');
      const translator = translators.get(session) ?? new DatadogTranslator();
      translators.set(session, translator);
      const metadata: VendorMetadata = { vendor: 'datadog', kind: 'replay_segment', payload: { ...segment.event, compressedBytes: segment.compressedBytes, rawBytes: segment.rawBytes } };
      return { batches: [{ events: translator.translate(segment.records), metadata }], reply: '{}' };
    }
    const { resources, others } = splitRumEvents(decodeEventsBody(body, intake));
    const batches: ObservedDecoded['batches'] = [];
    if (resources.length > 0) batches.push({ events: resources });
    if (others.length > 0) batches.push({ events: [], metadata: { vendor: 'datadog', kind: intake.track, payload: others } satisfies VendorMetadata });
    return { batches, reply: '{}' };
  };
}
