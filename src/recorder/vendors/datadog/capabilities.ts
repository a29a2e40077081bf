import type { DatadogRecorderConfig } from './config.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';
import type { RecorderSurfaces } from '../descriptor.ts';

/**
 * No option leaves routes unrecorded (an app calls stopSessionReplayRecording() in its own code);
 * requests are RUM resource events while trackResources is on (the default); errors are always RUM errors.
 */
export function datadogCapabilities({ options }: DatadogRecorderConfig): RecorderCapabilities {
  return { routeBlocking: false, networkRecording: options.trackResources ?? true, errorRecording: true };
}

/**
 * What Datadog sends beyond the DOM (7.16.2, read in browser-rum-core): a click is a RUM action named
 * from the clicked element (data-dd-action-name, aria-label, title, its text: getActionNameFromElement),
 * collected while trackUserInteractions is on (actionCollection.mjs); masked only where the privacy level
 * masks the element's text and enablePrivacyForActionName is on. The recorder serializes an iframe's
 * element, never its document (serializeNode walks childNodes; an SDK inside the frame records it
 * itself). A remote configuration, which overrides defaultPrivacyLevel among 19 keys
 * (remoteConfiguration.mjs), is fetched only with remoteConfigurationId, which a recorder config cannot
 * set here.
 */
export function datadogSurfaces({ options }: DatadogRecorderConfig): RecorderSurfaces {
  return {
    clickBreadcrumbs: options.trackUserInteractions ?? true,
    remoteConfig: false,
    iframeDocuments: false,
    notSent: {
      clickBreadcrumbs: 'Datadog sends no click actions with trackUserInteractions: false (the clicked element\'s name is then never sent)',
      remoteConfig: 'Datadog fetches a remote configuration (which overrides defaultPrivacyLevel) only with remoteConfigurationId, which this config does not set: the local config is the whole config',
      iframeDocuments: 'Datadog Session Replay records a same-origin iframe as an empty element (its serializer never enters the frame\'s document; only an SDK loaded inside the frame records it)',
    },
  };
}

export const DATADOG_NO_ROUTE_BLOCKING =
  'Datadog Session Replay has no option to leave routes unrecorded (an app has to call stopSessionReplayRecording() in its own code on those routes)';
