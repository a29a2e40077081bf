import type { VendorDescriptor } from '../descriptor.ts';

/** Sentry Replay. Inject mode: ./sentry-adapter.ts; observe mode is not built yet. */
export const sentryVendor: VendorDescriptor = { kind: 'sentry', label: 'Sentry Replay' };
