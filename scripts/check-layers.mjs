#!/usr/bin/env node
// `node scripts/check-layers.mjs [dir...]`: the layering check of .dependency-cruiser.cjs over src/ (or
// the given folders), through dependency-cruiser's API: its CLI refuses Node 20, the API runs on it.
// Prints each violation with its rule; exit 1 on any, 0 when the layers hold.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise } from 'dependency-cruiser';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Cruises `paths` (relative to `cwd`) under the project's rules; returns dependency-cruiser's result. */
export async function checkLayers(paths = ['src'], cwd = root) {
  const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs'));
  const previous = process.cwd();
  process.chdir(cwd);
  try {
    const result = await cruise(paths, { ...config.options, ruleSet: { forbidden: config.forbidden }, validate: true, outputType: 'err' });
    return { exitCode: result.exitCode, output: String(result.output).replace(/\n*‼ missing-tsc-transpiler[\s\S]*$/, '\n') };
  } finally {
    process.chdir(previous);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  const args = process.argv.slice(2);
  const { exitCode, output } = await checkLayers(args.length ? args : ['src'], process.cwd());
  process.stdout.write(output);
  console.log(`check-layers: ${((Date.now() - started) / 1000).toFixed(1)}s`);
  process.exit(exitCode > 0 ? 1 : 0);
}
