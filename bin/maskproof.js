#!/usr/bin/env node
// maskproof's command line: the compiled build (dist/, made by `npm run build`, at install and pack).
import { existsSync } from 'node:fs';

const entry = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  console.error('maskproof: the build is missing (dist/src/cli/main.js)\n  → In a checkout of maskproof, run `npm run build` (npm ci runs it too).');
  process.exit(2);
}
const { main } = await import(entry.href);
process.exitCode = await main(process.argv.slice(2));
