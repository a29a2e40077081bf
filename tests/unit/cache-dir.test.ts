import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/cache-dir.ts';
import { packageRoot } from '../../src/package-root.ts';

describe('cacheDir: a user cache directory, never the package folder', () => {
  it('follows MASKPROOF_CACHE_DIR, then XDG_CACHE_HOME, then ~/.cache', () => {
    expect(cacheDir({ MASKPROOF_CACHE_DIR: '/x/cache' })).toBe('/x/cache');
    expect(cacheDir({ XDG_CACHE_HOME: '/home/u/.cache' })).toBe(join('/home/u/.cache', 'maskproof'));
    const fallback = cacheDir({});
    expect(fallback.endsWith(join('.cache', 'maskproof')) || fallback.endsWith('maskproof-cache')).toBe(true);
    for (const dir of [fallback, cacheDir({ XDG_CACHE_HOME: 'relative' })]) expect(dir.startsWith(join(packageRoot, 'node_modules'))).toBe(false);
  });
});
