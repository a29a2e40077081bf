import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { type ICruiseResult, type IConfiguration, cruise } from 'dependency-cruiser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../helpers/run-cli.ts';

/**
 * The layering of src/, checked by dependency-cruiser with the rules of .dependency-cruiser.cjs
 * (contract is a leaf; report renders only; the checks do not import the report; verdict reads no
 * recorder; nothing imports the CLI; no runtime cycle), and the vendor rule on top: no runtime import chain from src/verdict or src/report
 * reaches vendor code (dependency-cruiser's `reachable` rules cannot leave type-only imports out, so
 * that one walks the graph it returns).
 */
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as IConfiguration;

async function cruiseLayers(paths: string[], baseDir: string): Promise<ICruiseResult> {
  const { output } = await cruise(paths, { ...config.options, baseDir, ruleSet: { forbidden: config.forbidden }, validate: true });
  return output as ICruiseResult;
}

const violationsOf = (result: ICruiseResult) =>
  result.summary.violations.map((v) => `${v.rule.name}: ${v.from} → ${v.cycle ? v.cycle.map((c) => c.name).join(' → ') : v.to}`);

/** Every module a runtime import chain (type-only imports left out) from `starts` loads, with the chain that reached it. */
function runtimeReach(result: ICruiseResult, starts: string[]): Map<string, string[]> {
  const edges = new Map(result.modules.map((m) => [m.source, m.dependencies.filter((d) => !d.dependencyTypes.includes('type-only')).map((d) => d.resolved)]));
  const reached = new Map<string, string[]>(starts.map((s) => [s, [s]]));
  const queue = [...starts];
  while (queue.length > 0) {
    const module = queue.shift()!;
    for (const next of edges.get(module) ?? []) {
      if (reached.has(next)) continue;
      reached.set(next, [...reached.get(module)!, next]);
      queue.push(next);
    }
  }
  return reached;
}

const vendorChains = (reach: Map<string, string[]>) => [...reach].filter(([m]) => m.startsWith('src/recorder/vendors/')).map(([, chain]) => chain.join(' -> '));

describe('dependency rules over src/ (dependency-cruiser, .dependency-cruiser.cjs)', () => {
  let result: ICruiseResult;
  beforeAll(async () => {
    result = await cruiseLayers(['src'], root);
  }, 60_000);

  it('cruises the whole of src/ (every layer read, not an empty graph)', () => {
    const layers = new Set(result.modules.map((m) => m.source.split('/')[1]));
    for (const layer of ['contract', 'report', 'verdict', 'recorder', 'fixture', 'collect', 'cli']) expect(layers).toContain(layer);
    expect(result.summary.totalDependenciesCruised).toBeGreaterThan(500);
  });

  it('has no violation: contract is a leaf, report renders only, verdict reads no recorder, nothing imports the CLI, no runtime cycle', () => {
    expect(violationsOf(result)).toEqual([]);
  });

  it('no runtime import chain from src/verdict or src/report reaches vendor code', () => {
    const starts = result.modules.map((m) => m.source).filter((s) => /^src\/(verdict|report)\//.test(s));
    expect(starts.length).toBeGreaterThan(20);
    expect(vendorChains(runtimeReach(result, starts))).toEqual([]);
  });

  it('the vendor walk sees a chain where there is one: the collector reads the registry', () => {
    const found = vendorChains(runtimeReach(result, ['src/collect/recorder-profile.ts']));
    expect(found[0]).toMatch(/^src\/collect\/recorder-profile\.ts -> .*src\/recorder\/vendors\//);
  });
});

describe('the rules fail on a reach-back (a synthetic src/ with one import of each kind the rules forbid)', () => {
  let dir: string;
  let violations: string[];
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'maskproof-layers-'));
    write('src/contract/names.ts', "export const NAME = 'x';\n");
    write('src/fixture/index.ts', "import { NAME } from '../contract/names.ts';\nexport const test = NAME;\n");
    write('src/recorder/vendors/sentry/index.ts', 'export const sentry = 1;\n');
    write('src/cli/main.ts', "import { NAME } from '../contract/names.ts';\nexport const main = NAME;\n");
    // The reach-backs: each one import that a rule forbids.
    write('src/report/junit.ts', "import { test } from '../fixture/index.ts';\nexport const junit = test;\n");
    write('src/contract/results.ts', "import { test } from '../fixture/index.ts';\nexport const r = test;\n");
    write('src/verdict/audit.ts', "import { sentry } from '../recorder/vendors/sentry/index.ts';\nexport const audit = sentry;\n");
    write('src/journeys/journey-report.ts', "import { junit } from '../report/junit.ts';\nexport const rows = junit;\n");
    write('src/verdict/leaks.ts', "import type { main } from '../cli/main.ts';\nexport type M = typeof main;\n");
    write('src/detect/a.ts', "import { b } from './b.ts';\nexport const a = () => b;\n");
    write('src/detect/b.ts', "import { a } from './a.ts';\nexport const b = () => a;\n");
    // A cycle through a type-only import loads nothing twice: not a violation.
    write('src/detect/c.ts', "import type { D } from './d.ts';\nexport type C = D;\n");
    write('src/detect/d.ts', "import type { C } from './c.ts';\nexport type D = C | 1;\n");
    violations = violationsOf(await cruiseLayers(['src'], dir));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('names each reach-back with its rule', () => {
    expect(violations).toEqual(
      expect.arrayContaining([
        'report-renders-only: src/report/junit.ts → src/fixture/index.ts',
        'contract-is-a-leaf: src/contract/results.ts → src/fixture/index.ts',
        'verdict-reads-evidence: src/verdict/audit.ts → src/recorder/vendors/sentry/index.ts',
        'cli-is-the-top: src/verdict/leaks.ts → src/cli/main.ts',
        'checks-do-not-render: src/journeys/journey-report.ts → src/report/junit.ts',
      ]),
    );
    expect(violations.some((v) => v.startsWith('no-runtime-cycle: src/detect/a.ts → '))).toBe(true);
  });

  it('and nothing else: the clean modules and the type-only cycle pass', () => {
    expect(violations.filter((v) => /detect\/(c|d)\.ts/.test(v))).toEqual([]);
    expect(violations.filter((v) => !v.startsWith('no-runtime-cycle:'))).toHaveLength(5);
  });
});
