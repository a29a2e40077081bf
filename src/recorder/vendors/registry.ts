import type { VendorDescriptor } from './descriptor.ts';
import { posthogVendor } from './posthog/index.ts';
import { rrwebVendor } from './rrweb/index.ts';
import { sentryVendor } from './sentry/index.ts';

/** Every recorder vendor maskproof knows: adding one is its folder and a line here. */
export const vendors: readonly VendorDescriptor[] = [rrwebVendor, sentryVendor, posthogVendor];

export function vendorOf(kind: string): VendorDescriptor | undefined {
  return vendors.find((vendor) => vendor.kind === kind);
}
