import type { NetworkPolicy, RecorderPolicy, RrwebRecorderConfig } from '../../../config/recorder-config.ts';
import type { CollectionPolicy } from '../../../config/collection-policy.ts';
import type { ConfigBase } from '../descriptor.ts';

type RawConfig = Omit<Partial<RrwebRecorderConfig>, 'policy'> & {
  policy?: { neverRecordOn?: string[]; network?: Partial<NetworkPolicy>; errors?: Partial<RecorderPolicy['errors']>; collection?: CollectionPolicy };
};

/** A validated rrweb recorder config with maskproof's policy defaults filled in. */
export function parseRrwebConfig(raw: unknown, base: ConfigBase): RrwebRecorderConfig {
  const config = raw as RawConfig;
  const rrweb = config.rrweb ?? {};
  const masksText = Boolean(rrweb.maskTextSelector || rrweb.maskTextClass);
  const network = config.policy?.network ?? {};
  return {
    ...base,
    recorder: 'rrweb',
    rrweb,
    policy: {
      neverRecordOn: config.policy?.neverRecordOn ?? [],
      network: {
        record: network.record ?? true,
        requestHeaders: network.requestHeaders ?? [],
        responseHeaders: network.responseHeaders ?? [],
        bodies: network.bodies ?? false,
        cookies: network.cookies ?? false,
        scrubQueryParams: network.scrubQueryParams ?? [],
      },
      errors: {
        record: config.policy?.errors?.record ?? true,
        // Error text is masked by the same rule as page text unless the config says otherwise.
        maskMessages: config.policy?.errors?.maskMessages ?? masksText,
      },
      ...(config.policy?.collection ? { collection: config.policy.collection } : {}),
    },
  };
}
