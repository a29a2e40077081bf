import { resolve } from 'node:path';

/** Where a run writes its evidence: MASKPROOF_REPORT_DIR, else reports/ in the working directory. */
export function reportDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.MASKPROOF_REPORT_DIR || 'reports');
}

/** A file-name-safe slug for a test. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}
