import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function findPackageRoot(start: string): string {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'maskproof') return dir;
  }
  throw new Error(`maskproof: no package.json of maskproof above ${start}`);
}

/**
 * The recorder config a run tests when none is given (`--recorder`, MASKPROOF_RECORDER): the bundled
 * safe rrweb config, relative to the package root.
 */
export const DEFAULT_RECORDER_CONFIG = 'fixtures/recorders/safe.json';

/** The package's root, where its package.json and fixtures/ are: the repository, or node_modules/maskproof once installed. */
export const packageRoot = findPackageRoot(here);

/**
 * Where the running code is: the package root when run from the TypeScript sources (the repository's
 * unit tests), dist/ when run from the build (the CLI, always). src/, scenarios/ and
 * playwright.config sit under it with the same layout.
 */
export const codeRoot = resolve(here, '..');

/** The extension of the package's own modules as they run: .ts from the sources, .js from the build. */
export const moduleExtension = fileURLToPath(import.meta.url).endsWith('.ts') ? '.ts' : '.js';

/** A module of the package by its path without extension ("src/vectors/matrix-reporter"), as the running code has it. */
export function ownModule(path: string): string {
  return join(codeRoot, `${path}${moduleExtension}`);
}

/** The Playwright config the CLI runs Playwright with (next to the code that runs it). */
export const playwrightConfigFile = ownModule('playwright.config');
