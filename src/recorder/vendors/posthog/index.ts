import type { VendorDescriptor } from '../descriptor.ts';
import { posthogObserve } from './observe.ts';

/** PostHog session replay. Inject mode: ./posthog-adapter.ts; observe mode: ./observe.ts. */
export const posthogVendor: VendorDescriptor = { kind: 'posthog', label: 'PostHog', observe: posthogObserve };
