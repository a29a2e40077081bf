import type { PosthogRecorderConfig, RecorderConfig, RrwebRecorderConfig, SentryRecorderConfig } from '../config/recorder-config.ts';
import type { PrivacySelectors } from './types.ts';

/**
 * What a recorder config masks and blocks, as CSS selectors: the region finder applies them to the
 * live page to know where the replay must not look like it. Each recorder's defaults are written
 * out here because the config file only holds what the user changed.
 */
export function privacySelectors(config: RecorderConfig): PrivacySelectors {
  if (config.recorder === 'sentry') return sentrySelectors(config);
  if (config.recorder === 'posthog') return posthogSelectors(config);
  return rrwebSelectors(config);
}

function anyOf(...selectors: (string | undefined | null | false)[]): string | null {
  const kept = selectors.filter((s): s is string => typeof s === 'string' && s.trim() !== '');
  return kept.length ? kept.join(', ') : null;
}

/** rrweb's record(): a class (default rr-*) and/or a selector each; password inputs masked unless maskInputOptions says otherwise. */
function rrwebSelectors({ rrweb, policy }: RrwebRecorderConfig): PrivacySelectors {
  return {
    maskText: anyOf(`.${rrweb.maskTextClass ?? 'rr-mask'}`, rrweb.maskTextSelector),
    unmaskText: null,
    maskAllText: false,
    maskInputs: maskedInputs(rrweb.maskAllInputs, rrweb.maskInputOptions, { password: true }),
    ignoreInputs: anyOf(`.${rrweb.ignoreClass ?? 'rr-ignore'}`, rrweb.ignoreSelector),
    block: anyOf(`.${rrweb.blockClass ?? 'rr-block'}`, rrweb.blockSelector),
    neverRecordOn: policy.neverRecordOn.map((source) => ({ source, against: 'path' as const })),
  };
}

/** rrweb's rule: maskAllInputs wins; else maskInputOptions as given; else the default. */
function maskedInputs(all: boolean | undefined, options: Record<string, boolean> | undefined, fallback: Record<string, boolean>): 'all' | string[] {
  if (all) return 'all';
  return Object.entries(options ?? fallback)
    .filter(([, on]) => on)
    .map(([type]) => type);
}

const SENTRY_MEDIA = 'img, image, svg, video, object, picture, embed, map, audio';

/** Sentry Replay (getPrivacyOptions in @sentry/replay): maskAllText, maskAllInputs and blockAllMedia default on. */
function sentrySelectors({ options }: SentryRecorderConfig): PrivacySelectors {
  const replay = options.replay ?? {};
  return {
    maskText: anyOf(...(replay.mask ?? ['.sentry-mask', '[data-sentry-mask]'])),
    unmaskText: anyOf(...(replay.unmask ?? [])),
    maskAllText: replay.maskAllText ?? true,
    maskInputs: (replay.maskAllInputs ?? true) ? 'all' : ['password'],
    ignoreInputs: anyOf(...(replay.ignore ?? ['.sentry-ignore', '[data-sentry-ignore]'])),
    block: anyOf(...(replay.block ?? ['.sentry-block', '[data-sentry-block]']), (replay.blockAllMedia ?? true) && SENTRY_MEDIA),
    neverRecordOn: [],
  };
}

/** posthog-js session recording: ph-* classes, inputs masked by default, password added to any maskInputOptions. */
function posthogSelectors({ options, project }: PosthogRecorderConfig): PrivacySelectors {
  const recording = options.session_recording ?? {};
  return {
    maskText: anyOf(`.${recording.maskTextClass ?? 'ph-mask'}`, recording.maskTextSelector),
    unmaskText: null,
    maskAllText: false,
    maskInputs: maskedInputs(recording.maskAllInputs ?? true, { password: true, ...recording.maskInputOptions }, { password: true }),
    ignoreInputs: `.${recording.ignoreClass ?? 'ph-ignore-input'}`,
    block: anyOf(`.${recording.blockClass ?? 'ph-no-capture'}`, recording.blockSelector),
    neverRecordOn: (project.urlBlocklist ?? []).map((source) => ({ source, against: 'url' as const })),
  };
}

/** Whether the recorder records nothing on this page URL. */
export function routeUnrecorded(selectors: Pick<PrivacySelectors, 'neverRecordOn'>, url: string): boolean {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    // Not an absolute URL: match it as given.
  }
  return selectors.neverRecordOn.some(({ source, against }) => new RegExp(source).test(against === 'path' ? path : url));
}
