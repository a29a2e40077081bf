import type { HighlightRecorderConfig } from './config.ts';
import type { HighlightOptions } from './options.ts';
import type { RecorderCapabilities } from '../../../contract/recording.ts';
import type { RecorderSurfaces } from '../descriptor.ts';

/** Network recording as FirstLoadListeners.setupNetworkListener decides it (highlight.run 10.7.5). */
export function networkOptions(options: HighlightOptions): { enabled: boolean; contents: boolean } {
  if (options.disableNetworkRecording !== undefined) return { enabled: !options.disableNetworkRecording, contents: false };
  if (typeof options.networkRecording === 'boolean') return { enabled: options.networkRecording, contents: false };
  return { enabled: options.networkRecording?.enabled ?? true, contents: options.networkRecording?.recordHeadersAndBody ?? false };
}

export function networkSettings(options: HighlightOptions): string {
  const { enabled, contents } = networkOptions(options);
  if (!enabled) return 'not recorded';
  return contents ? 'full URLs and timings, request/response headers and bodies (recordHeadersAndBody; Authorization, Cookie, Proxy-Authorization redacted)' : 'full URLs (query included) and timings; no headers or bodies';
}

export function highlightCapabilities({ options }: HighlightRecorderConfig): RecorderCapabilities {
  return {
    // No option leaves a route unrecorded (networkRecording.urlBlocklist only drops network entries).
    routeBlocking: false,
    networkRecording: networkOptions(options).enabled,
    // window.onerror and unhandled rejections go to the payload's errors (listeners/error-listener.tsx).
    errorRecording: true,
  };
}

/**
 * Every click is a "Click" custom event in the recording with the target's textContent (up to 2,000
 * characters), a selector and the clicked element, whatever privacySetting says (the click listener in
 * dist/record-*.js). The server's GetSamplingConfig holds span and log sampling only: no privacy.
 */
export function highlightSurfaces(): RecorderSurfaces {
  return {
    clickBreadcrumbs: true,
    remoteConfig: false,
    notSent: { remoteConfig: 'Highlight takes no privacy settings from its server (GetSamplingConfig samples spans and logs only): the local config is the whole config' },
  };
}
