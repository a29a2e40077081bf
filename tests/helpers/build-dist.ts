import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

/**
 * vitest globalSetup of the e2e project: the end-to-end proofs run the CLI as it ships (bin/maskproof.js
 * → dist/), so dist/ is rebuilt from the sources first (about 1.5 s): a stale build is never what is tested.
 */
export default function buildDist(): void {
  const root = resolve(import.meta.dirname, '../..');
  const build = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed before the e2e tests:\n${build.stdout}${build.stderr}`);
}
