import type { RrwebRecorderConfig } from '../../../config/recorder-config.ts';
import type { PrivacySetting } from '../../../contract/settings.ts';
import { collectionSettings } from '../collection-settings.ts';
import { anyOf, maskedInputs as maskedInputTypes } from '../../../visual/selector-rules.ts';
import type { PrivacySelectors } from '../../../visual/types.ts';
import { list, maskedInputs, onOff, selectors } from '../settings-words.ts';

/** rrweb's record(): a class (default rr-*) and/or a selector each; password inputs masked unless maskInputOptions says otherwise. */
export function rrwebSelectors({ rrweb, policy }: RrwebRecorderConfig): PrivacySelectors {
  return {
    maskText: anyOf(`.${rrweb.maskTextClass ?? 'rr-mask'}`, rrweb.maskTextSelector),
    unmaskText: null,
    maskAllText: false,
    maskInputs: maskedInputTypes(rrweb.maskAllInputs, rrweb.maskInputOptions, { password: true }),
    ignoreInputs: anyOf(`.${rrweb.ignoreClass ?? 'rr-ignore'}`, rrweb.ignoreSelector),
    block: anyOf(`.${rrweb.blockClass ?? 'rr-block'}`, rrweb.blockSelector),
    neverRecordOn: policy.neverRecordOn.map((source) => ({ source, against: 'path' as const })),
  };
}

export function rrwebSettings({ rrweb, policy }: RrwebRecorderConfig): PrivacySetting[] {
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
