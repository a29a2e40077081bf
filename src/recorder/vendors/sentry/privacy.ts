import type { SentryRecorderConfig } from './config.ts';
import type { PrivacySetting } from '../../../contract/settings.ts';
import { anyOf } from '../../../visual/selector-rules.ts';
import type { PrivacySelectors } from '../../../visual/types.ts';
import { list, onOff, selectors } from '../settings-words.ts';

const MEDIA = 'img, image, svg, video, object, picture, embed, map, audio';

/** Sentry Replay (getPrivacyOptions in @sentry/replay): maskAllText, maskAllInputs and blockAllMedia default on. */
export function sentrySelectors({ options }: SentryRecorderConfig): PrivacySelectors {
  const replay = options.replay ?? {};
  return {
    maskText: anyOf(...(replay.mask ?? ['.sentry-mask', '[data-sentry-mask]'])),
    unmaskText: anyOf(...(replay.unmask ?? [])),
    maskAllText: replay.maskAllText ?? true,
    maskInputs: (replay.maskAllInputs ?? true) ? 'all' : ['password'],
    ignoreInputs: anyOf(...(replay.ignore ?? ['.sentry-ignore', '[data-sentry-ignore]'])),
    block: anyOf(...(replay.block ?? ['.sentry-block', '[data-sentry-block]']), (replay.blockAllMedia ?? true) && MEDIA),
    neverRecordOn: [],
  };
}

export function sentrySettings({ options }: SentryRecorderConfig): PrivacySetting[] {
  const replay = options.replay ?? {};
  const urls = (replay.networkDetailAllowUrls ?? []).map((u) => (typeof u === 'string' ? u : `/${u.regexp}/`));
  return [
    { label: 'Input values', value: onOff(replay.maskAllInputs ?? true, 'all masked (maskAllInputs)', 'recorded as typed, passwords masked') },
    { label: 'Page text', value: onOff(replay.maskAllText ?? true, 'all masked (maskAllText)', `recorded as shown, masked inside ${selectors(replay.mask ?? ['.sentry-mask', '[data-sentry-mask]'])}`) },
    { label: 'Unmasked', value: selectors(replay.unmask) },
    { label: 'Blocked elements', value: `${selectors(replay.block ?? ['.sentry-block', '[data-sentry-block]'])}${(replay.blockAllMedia ?? true) ? '; all media (blockAllMedia)' : ''}` },
    { label: 'Never recorded on', value: 'not supported by Sentry Replay: every route recorded' },
    {
      label: 'Network details',
      value: urls.length
        ? `for ${urls.join(', ')}: request headers ${list(replay.networkRequestHeaders, 'defaults')}, response headers ${list(replay.networkResponseHeaders, 'defaults')}, bodies ${onOff(replay.networkCaptureBodies ?? true, 'recorded', 'not recorded')}`
        : 'URLs and timings only (networkDetailAllowUrls empty)',
    },
    { label: 'Default PII (sendDefaultPii)', value: onOff(options.init?.sendDefaultPii, 'sent', 'not sent') },
  ];
}
