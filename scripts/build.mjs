#!/usr/bin/env node
// `npm run build`: the package as it ships and as the CLI runs, under dist/. TypeScript compiles
// src/, scenarios/ and playwright.config.ts to JavaScript and .d.ts (tsc, not a bundler: functions
// handed to page.evaluate keep their source as written); the assets read next to their modules at
// run time (page scripts, vendor page entries) are copied beside them.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const started = Date.now();

rmSync(dist, { recursive: true, force: true });
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error('build: tsc failed (see above); dist/ is incomplete');
  process.exit(compiled.status ?? 1);
}

let assets = 0;
function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(path);
    else if (!entry.name.endsWith('.ts')) {
      const target = join(dist, relative(root, path));
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(path, target);
      assets++;
    }
  }
}
for (const dir of ['src', 'scenarios']) copyAssets(join(root, dir));
console.log(`build: dist/ in ${((Date.now() - started) / 1000).toFixed(1)}s (${assets} assets copied)`);
