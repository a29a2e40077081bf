import { commonConfigProperties } from '../../../config/recorder-config.schema.ts';
import type { ConfigBase } from '../descriptor.ts';
import { type AmplitudeOptions, type AmplitudePrivacyConfig, type AmplitudeRemoteConfig, amplitudeOptionsSchema, amplitudeRemoteConfigSchema } from './options.ts';

/** Amplitude Session Replay (the standalone @amplitude/session-replay-browser) with its options and the remote config it is served. */
export interface AmplitudeRecorderConfig {
  name: string;
  description?: string;
  recorder: 'amplitude';
  source: string;
  options: AmplitudeOptions;
  remoteConfig: AmplitudeRemoteConfig;
}

/** An Amplitude recorder config: `{"recorder": "amplitude", "options": {...}, "remoteConfig": {...}}`. */
export const amplitudeConfigSchema = {
  type: 'object',
  required: ['recorder'],
  additionalProperties: false,
  properties: { ...commonConfigProperties, recorder: { const: 'amplitude' }, options: amplitudeOptionsSchema, remoteConfig: amplitudeRemoteConfigSchema },
} as const;

export function parseAmplitudeConfig(raw: { options?: AmplitudeOptions; remoteConfig?: AmplitudeRemoteConfig }, base: ConfigBase): AmplitudeRecorderConfig {
  return { ...base, recorder: 'amplitude', options: raw.options ?? {}, remoteConfig: raw.remoteConfig ?? {} };
}

const asList = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/**
 * The privacy config the SDK records with: the remote sr_privacy_config joined over the local one
 * (lib/esm/config/joined-config.js): the remote defaultMaskLevel wins, then the local, then 'medium';
 * selectors of both are kept, and where one selector is in two lists the remote list wins.
 */
export function joinedPrivacy({ options, remoteConfig }: Pick<AmplitudeRecorderConfig, 'options' | 'remoteConfig'>): Required<Pick<AmplitudePrivacyConfig, 'defaultMaskLevel'>> & {
  maskSelector: string[];
  unmaskSelector: string[];
  blockSelector: string[];
  urlMaskLevels: NonNullable<AmplitudePrivacyConfig['urlMaskLevels']>;
} {
  const local = options.privacyConfig ?? {};
  const remote = remoteConfig.sr_privacy_config ?? {};
  const kind = new Map<string, 'mask' | 'unmask' | 'block'>();
  for (const source of [local, remote]) {
    for (const s of asList(source.blockSelector)) kind.set(s, 'block');
    for (const s of source.maskSelector ?? []) kind.set(s, 'mask');
    for (const s of source.unmaskSelector ?? []) kind.set(s, 'unmask');
  }
  // The SDK always adds .amp-unmask to the local unmaskSelector (local-config.js, SR-2945).
  if (!kind.has('.amp-unmask')) kind.set('.amp-unmask', 'unmask');
  const of = (wanted: 'mask' | 'unmask' | 'block') => [...kind].filter(([, k]) => k === wanted).map(([s]) => s);
  return {
    defaultMaskLevel: remote.defaultMaskLevel ?? local.defaultMaskLevel ?? 'medium',
    maskSelector: of('mask'),
    unmaskSelector: of('unmask'),
    blockSelector: of('block'),
    urlMaskLevels: [...(remote.urlMaskLevels ?? []), ...(local.urlMaskLevels ?? [])],
  };
}
