import type { VendorDescriptor } from '../descriptor.ts';

/** PostHog session replay. Inject mode: ./posthog-adapter.ts; observe mode is not built yet. */
export const posthogVendor: VendorDescriptor = { kind: 'posthog', label: 'PostHog' };
