import type { RecorderConfig } from '../../config/recorder-config.ts';
import type { RecorderAdapter } from '../adapter.ts';
import type { SessionOptions } from '../init-script.ts';
import { vendorOfConfig } from './registry.ts';

/** The adapter for a recorder config (inject mode): its vendor descriptor's. */
export function createAdapter(config: RecorderConfig, session: SessionOptions = {}): RecorderAdapter {
  return vendorOfConfig(config).inject(config, session);
}
