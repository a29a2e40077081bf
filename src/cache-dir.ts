import { homedir, tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** The project's root: where package.json is (the repository, or node_modules/maskproof once installed). */
export { packageRoot as projectRoot } from './package-root.ts';

/**
 * Where built artifacts (vendor page bundles, the scan helper) are cached: a user cache directory,
 * never the package's own folder (an installed package is not ours to write in). MASKPROOF_CACHE_DIR,
 * else $XDG_CACHE_HOME/maskproof, else ~/.cache/maskproof, else the OS temp directory. Every entry
 * is keyed by content, so installs and versions sharing the directory never read each other's.
 */
export function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.MASKPROOF_CACHE_DIR) return env.MASKPROOF_CACHE_DIR;
  if (env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME)) return join(env.XDG_CACHE_HOME, 'maskproof');
  let home = '';
  try {
    home = homedir();
  } catch {
    // no home directory (a locked-down CI user): the temp directory below
  }
  return home ? join(home, '.cache', 'maskproof') : join(tmpdir(), 'maskproof-cache');
}
