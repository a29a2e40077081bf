import { ConfigError } from '../../errors.ts';
import type { VendorDescriptor } from './descriptor.ts';
import { amplitudeVendor } from './amplitude/index.ts';
import { datadogVendor } from './datadog/index.ts';
import { highlightVendor } from './highlight/index.ts';
import { mixpanelVendor } from './mixpanel/index.ts';
import { newrelicVendor } from './newrelic/index.ts';
import { posthogVendor } from './posthog/index.ts';
import { rrwebVendor } from './rrweb/index.ts';
import { sentryVendor } from './sentry/index.ts';

/** Every recorder vendor maskproof knows: adding one is its folder and a line here. */
export const vendors: readonly VendorDescriptor[] = [rrwebVendor, sentryVendor, posthogVendor, mixpanelVendor, amplitudeVendor, newrelicVendor, datadogVendor, highlightVendor];

/** The kinds above, for editor completion in maskproof.config.ts (any registered kind is accepted). */
export type VendorKind = 'rrweb' | 'sentry' | 'posthog' | 'mixpanel' | 'amplitude' | 'newrelic' | 'datadog' | 'highlight' | (string & {});

export function vendorOf(kind: string): VendorDescriptor | undefined {
  return vendors.find((vendor) => vendor.kind === kind);
}

/** The descriptor of a (validated) recorder config. */
export function vendorOfConfig(config: { recorder: string; source: string }): VendorDescriptor {
  const vendor = vendorOf(config.recorder);
  if (!vendor) throw new ConfigError(`recorder config ${config.source}: no recorder "${config.recorder}"`, `Use one of ${vendors.map((v) => v.kind).join(', ')}.`);
  return vendor;
}
