import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { build } from 'esbuild';
import { cacheDir, projectRoot } from '../../cache-dir.ts';
import { requirePackages } from '../package-check.ts';

const require = createRequire(import.meta.url);

/** Version of an installed package, read from its package.json (part of the cache key). */
export function installedVersion(pkg: string): string {
  const main = require.resolve(pkg);
  let dir = dirname(main);
  while (dir !== dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      const json = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string };
      if (json.name === pkg && json.version) return json.version;
    }
    dir = dirname(dir);
  }
  return 'unknown';
}

const built = new Map<string, Promise<string>>();

/**
 * The vendor SDK bundled for the page (one IIFE, no imports, no network), built with esbuild the
 * first time and cached on disk by a key of the entry source, the SDK and esbuild versions and the
 * lockfile, so every Playwright worker after the first reads it from the cache.
 */
export function pageBundle(entryFile: string, packages: string[]): Promise<string> {
  // An optional peer dependency not installed: the error names it, before esbuild fails to resolve it.
  requirePackages(basename(dirname(entryFile)), packages);
  const entry = resolve(entryFile);
  const source = readFileSync(entry, 'utf8');
  const versions = [...packages, 'esbuild'].map((pkg) => `${pkg}@${installedVersion(pkg)}`).join(',');
  // The lockfile too: an SDK's own dependencies can move while its version stays.
  const lockfile = join(projectRoot, 'package-lock.json');
  const lock = existsSync(lockfile) ? readFileSync(lockfile) : '';
  const key = createHash('sha256').update(source).update(versions).update(lock).digest('hex').slice(0, 16);
  const cached = built.get(key);
  if (cached) return cached;
  const file = join(cacheDir(), `${basename(dirname(entry))}-${key}.js`);
  const promise = existsSync(file) ? Promise.resolve(readFileSync(file, 'utf8')) : bundle(entry, file);
  built.set(key, promise);
  return promise;
}

async function bundle(entry: string, file: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'silent',
    // Production builds of the SDKs: their debug logging is compiled out.
    define: { __DEBUG_BUILD__: 'false', 'process.env.NODE_ENV': '"production"' },
  });
  const text = result.outputFiles[0]?.text;
  if (!text) throw new Error(`esbuild produced no output for ${entry}`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    // Write then rename: parallel workers never read a half-written bundle.
    const partial = `${file}.${process.pid}.tmp`;
    writeFileSync(partial, text);
    renameSync(partial, file);
  } catch {
    // An unwritable cache directory costs a rebuild next time, not the run.
  }
  return text;
}
