import type { PosthogRecorderConfig, RecorderConfig, RrwebRecorderConfig, SentryRecorderConfig } from '../../config/recorder-config.ts';
import type { PrivacySetting } from '../results.ts';
import { collectionSettings } from './collection-settings.ts';

const list = (items: readonly string[] | undefined, none = 'none') => {
  const unique = [...new Set(items ?? [])];
  return unique.length ? unique.join(', ') : none;
};
/** CSS selector lists, each selector once (".rr-block" from blockClass and again in blockSelector). */
const selectors = (items: readonly string[] | undefined, none = 'none') => list((items ?? []).flatMap((item) => item.split(',')).map((item) => item.trim()).filter(Boolean), none);
const onOff = (on: boolean | undefined, yes: string, no: string) => (on ? yes : no);

/** The recorder config's privacy settings as a stakeholder reads them: one line per protection. */
export function privacySettings(config: RecorderConfig): PrivacySetting[] {
  if (config.recorder === 'sentry') return sentrySettings(config);
  if (config.recorder === 'posthog') return posthogSettings(config);
  return rrwebSettings(config);
}

function maskedInputs(all: boolean | undefined, options: Record<string, boolean> | undefined, fallback: string): string {
  if (all) return 'all masked';
  if (!options) return fallback;
  const masked = Object.entries(options).filter(([, on]) => on).map(([type]) => type);
  return masked.length ? `masked: ${masked.join(', ')}; others recorded as typed` : 'recorded as typed (none masked)';
}

function rrwebSettings({ rrweb, policy }: RrwebRecorderConfig): PrivacySetting[] {
  const text = rrweb.maskTextSelector === '*' ? 'all masked' : rrweb.maskTextSelector ? `masked inside ${rrweb.maskTextSelector}` : 'recorded as shown';
  const network = policy.network;
  const headers = (h: string[] | 'all') => (h === 'all' ? 'all' : list(h));
  return [
    { label: 'Input values', value: maskedInputs(rrweb.maskAllInputs, rrweb.maskInputOptions, 'password masked; others recorded as typed') },
    { label: 'Page text', value: text },
    { label: 'Blocked elements', value: selectors([`.${rrweb.blockClass ?? 'rr-block'}`, ...(rrweb.blockSelector ? [rrweb.blockSelector] : [])]) },
    { label: 'Never recorded on', value: list(policy.neverRecordOn, 'every route recorded') },
    {
      label: 'Network',
      value: network.record
        ? `method, URL and status recorded; request headers kept: ${headers(network.requestHeaders)}; response headers kept: ${headers(network.responseHeaders)}; bodies ${onOff(network.bodies, 'recorded', 'not recorded')}; cookies ${onOff(network.cookies, 'recorded', 'not recorded')}`
        : 'not recorded',
    },
    {
      label: 'Query parameters scrubbed',
      value: network.scrubQueryParams === 'all' ? 'all' : list(network.scrubQueryParams),
    },
    { label: 'Errors', value: policy.errors.record ? `recorded, messages ${onOff(policy.errors.maskMessages, 'masked', 'as thrown')}` : 'not recorded' },
    { label: 'Canvas, images, fonts', value: `canvas ${onOff(rrweb.recordCanvas, 'recorded', 'not recorded')}; images ${onOff(rrweb.inlineImages, 'inlined', 'by URL')}; fonts ${onOff(rrweb.collectFonts, 'collected', 'not collected')}` },
    ...collectionSettings(policy.collection),
  ];
}

function sentrySettings({ options }: SentryRecorderConfig): PrivacySetting[] {
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

function posthogSettings({ options, project }: PosthogRecorderConfig): PrivacySetting[] {
  const recording = options.session_recording ?? {};
  return [
    { label: 'Input values', value: maskedInputs(recording.maskAllInputs ?? true, recording.maskAllInputs === false ? { password: true, ...recording.maskInputOptions } : undefined, 'all masked') },
    { label: 'Page text', value: recording.maskTextSelector ? `masked inside ${recording.maskTextSelector}` : `recorded as shown (masked inside .${recording.maskTextClass ?? 'ph-mask'})` },
    { label: 'Blocked elements', value: selectors([`.${recording.blockClass ?? 'ph-no-capture'}`, ...(recording.blockSelector ? [recording.blockSelector] : [])]) },
    { label: 'Never recorded on (URL blocklist)', value: list(project.urlBlocklist, 'every URL recorded') },
    {
      label: 'Network',
      value: `timings ${onOff(project.networkTiming ?? true, 'recorded', 'not recorded')}; headers ${onOff(recording.recordHeaders ?? project.recordHeaders, 'recorded', 'not recorded')}; bodies ${onOff(recording.recordBody ?? project.recordBody, 'recorded', 'not recorded')}`,
    },
    { label: 'Console logs', value: onOff(options.enable_recording_console_log ?? project.consoleLogs ?? true, 'recorded', 'not recorded') },
  ];
}
