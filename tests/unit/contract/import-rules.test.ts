import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The import rule of the vendor descriptor: src/verdict and src/report import no vendor code. Read
 * statically from the sources: every relative import, and the runtime ones (not `import type`)
 * followed through the whole graph. A later issue moves this to a maintained tool (dependency-cruiser).
 */
const src = resolve('src');
const VENDORS = join(src, 'recorder', 'vendors');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(ts|js)$/.test(name) ? [path] : [];
  });
}

interface Import {
  target: string;
  typeOnly: boolean;
}

/** The relative imports and re-exports of a file, resolved, each marked type-only or not. */
export function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const statement = /^\s*(import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"](\.[^'"]+)['"]/gms;
  for (const match of text.matchAll(statement)) {
    const names = match[3] ?? '';
    // `import { type A, type B }` loads nothing either.
    const allTypes = /^\{[^}]*\}$/.test(names.trim()) && names.replace(/[{}\s]/g, '').split(',').filter(Boolean).every((n) => n.startsWith('type'));
    found.push({ target: resolve(dirname(file), match[4]!), typeOnly: Boolean(match[2]) || allTypes });
  }
  for (const match of text.matchAll(/^\s*import\s+['"](\.[^'"]+)['"]/gm)) found.push({ target: resolve(dirname(file), match[1]!), typeOnly: false });
  return found;
}

/** Every file a runtime import chain from `starts` loads, with the chain that reached it; `stop` files are not followed. */
function runtimeClosure(starts: string[], stop: (file: string) => boolean = () => false): Map<string, string[]> {
  const reached = new Map<string, string[]>(starts.map((s) => [s, [s]]));
  const queue = [...starts];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (stop(file)) continue;
    for (const { target, typeOnly } of importsOf(file)) {
      if (typeOnly || reached.has(target)) continue;
      reached.set(target, [...reached.get(file)!, target]);
      queue.push(target);
    }
  }
  return reached;
}

const isVendorCode = (file: string) => file.startsWith(VENDORS + '/');
const rel = (file: string) => relative(src, file);
const chains = (closure: Map<string, string[]>) => [...closure.entries()].filter(([file]) => isVendorCode(file)).map(([, chain]) => chain.map(rel).join(' -> '));

describe('import rules: verdict and report import no vendor code', () => {
  const verdict = filesUnder(join(src, 'verdict'));
  const report = filesUnder(join(src, 'report'));

  it('no file in src/verdict or src/report imports anything under src/recorder (type imports included)', () => {
    const direct = [...verdict, ...report].flatMap((file) => importsOf(file).filter((i) => i.target.startsWith(join(src, 'recorder') + '/')).map((i) => `${rel(file)} -> ${rel(i.target)}`));
    expect(direct).toEqual([]);
  });

  it('no runtime import chain from src/verdict reaches vendor code', () => {
    expect(chains(runtimeClosure(verdict))).toEqual([]);
  });

  it('no runtime import chain from src/report reaches vendor code, except through src/fixture (the reach-back issue #16 cuts)', () => {
    expect(chains(runtimeClosure(report, (file) => file.startsWith(join(src, 'fixture') + '/')))).toEqual([]);
  });

  it('sees a reach-back: the check itself finds vendor code behind a runtime import', () => {
    // The fixture loads the registry: followed from there, the chain to vendor code is found and named.
    const found = chains(runtimeClosure([join(src, 'fixture', 'recorder-profile.ts')]));
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/^fixture\/recorder-profile\.ts -> .*recorder\/vendors\//);
  });
});
