import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's root: where package.json and node_modules are. */
export const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Where built artifacts are cached: node_modules/.cache/maskproof when the project has node_modules, else the OS temp directory. */
export function cacheDir(): string {
  const nodeModules = join(projectRoot, 'node_modules');
  return existsSync(nodeModules) ? join(nodeModules, '.cache', 'maskproof') : join(tmpdir(), 'maskproof-cache');
}
